//! Idempotency on DynamoDB, after the Powertools design: the first delivery of a key claims it
//! as IN_PROGRESS with an expiry, its result is kept as COMPLETED for a retention window, and
//! later deliveries get that result instead of running again.
//!
//! Correctness never depends on DynamoDB's TTL deletion: every condition compares the stored
//! expiry times with the clock. The table needs a string hash key `id`; `expiration` is the
//! attribute to give to TTL for cleanup.

mod store;

pub use store::IdempotencyStore;

use std::error::Error as StdError;
use std::time::Duration;

/// How long a claim and a result are kept.
#[derive(Debug, Clone, Copy)]
pub struct IdempotencyConfig {
    /// After this, an IN_PROGRESS claim whose owner died may be taken over.
    pub in_progress_timeout: Duration,
    /// How long a COMPLETED result answers repeated deliveries.
    pub retention: Duration,
}

impl Default for IdempotencyConfig {
    fn default() -> Self {
        Self {
            in_progress_timeout: Duration::from_secs(60),
            retention: Duration::from_secs(24 * 3600),
        }
    }
}

/// What claiming a key found.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// The key is ours now: do the work, then complete or release it.
    New,
    /// The work was done before; this is its stored result.
    Completed(serde_json::Value),
}

/// Why a key could not be used.
#[derive(Debug, thiserror::Error)]
pub enum IdempotencyError {
    /// Another delivery holds the key; retry later.
    #[error("an earlier delivery of {0} is still in progress")]
    InProgress(String),
    /// The key was used before for a different request.
    #[error("idempotency key {0} was used before with a different payload")]
    PayloadMismatch(String),
    #[error("idempotency store failed")]
    Store(#[source] Box<dyn StdError + Send + Sync>),
}

impl IdempotencyError {
    /// Whether trying again later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::InProgress(_) | Self::Store(_))
    }
}

/// The outcome of [`IdempotencyStore::run`]: the store failed, or the work did.
#[derive(Debug, thiserror::Error)]
pub enum RunError<E> {
    #[error(transparent)]
    Idempotency(#[from] IdempotencyError),
    #[error("the idempotent operation failed")]
    Operation(#[source] E),
}

#[cfg(test)]
mod tests;
