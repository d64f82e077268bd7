//! Idempotency with a lease on DynamoDB, after the Powertools design: the first delivery of a key
//! claims it as IN_PROGRESS under an owner token until its lease runs out, its result is kept as
//! COMPLETED for a retention window, and later deliveries get that result instead of running again.
//!
//! A claim whose lease ran out is taken over by the next delivery, which learns that it resumes
//! someone else's work ([`Claim::Resumed`]) so it can finish or undo it. `complete`, `release`
//! and `suspend` act only on the caller's own claim: each is conditional on its owner token.
//! The lease must outlast the function's timeout, so an owner whose lease ran out is dead.
//!
//! Correctness never depends on DynamoDB's TTL deletion: every condition compares the stored
//! expiry times with the clock. The table needs a string hash key (`id` unless told otherwise);
//! `expiration` is the attribute to give to TTL for cleanup.

mod lease;
mod store;

pub use store::{Clock, IdempotencyStore};

use std::error::Error as StdError;
use std::time::Duration;

/// How long a claim and a result are kept.
#[derive(Debug, Clone, Copy)]
pub struct IdempotencyConfig {
    /// The lease: after this, an IN_PROGRESS claim whose owner died may be taken over.
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

/// The caller's hold on a key: the key and the owner token its claim carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    key: String,
    token: String,
}

impl Lease {
    /// The key this lease holds.
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// What claiming a key found.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// The key is ours now and no one worked on it before: do the work, then complete or
    /// release it.
    New(Lease),
    /// The key is ours now, taken over from an owner whose lease ran out or who suspended it:
    /// whatever it left behind is to be resumed or undone.
    Resumed(Lease),
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
    /// The caller's claim is gone: completed, released or taken over by another delivery.
    #[error("the claim on {0} is no longer the caller's")]
    LeaseLost(String),
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
