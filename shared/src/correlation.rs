//! The correlation id that follows one customer request through every service, log line and message.

use crate::values::is_word;
use std::fmt;
use std::future::Future;

/// The header and SQS message attribute that carry the correlation id.
pub const HEADER: &str = "x-correlation-id";

const MAX_LEN: usize = 128;

tokio::task_local! {
    static CURRENT: CorrelationId;
}

/// An id made of at most 128 letters, digits, `-`, `_`, `.` or `:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrelationId(String);

impl CorrelationId {
    /// A fresh random id, for requests that arrive without one.
    pub fn generate() -> Self {
        Self(uuid::Uuid::new_v4().to_string())
    }

    /// The given id if it is well formed; `None` otherwise, so that junk is never propagated.
    pub fn parse(raw: &str) -> Option<Self> {
        is_word(raw, MAX_LEN, b"-_.:").then(|| Self(raw.to_owned()))
    }

    /// The id from an incoming value, or a fresh one when it is absent or malformed.
    pub fn from_incoming(raw: Option<&str>) -> Self {
        raw.and_then(Self::parse).unwrap_or_else(Self::generate)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id of the request or message being handled by the current task, if any.
    pub fn current() -> Option<Self> {
        CURRENT.try_with(Clone::clone).ok()
    }

    /// Runs `fut` with this id as the current one.
    pub async fn scope<F: Future>(self, fut: F) -> F::Output {
        CURRENT.scope(self, fut).await
    }
}

impl fmt::Display for CorrelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_well_formed_incoming_id_is_kept() {
        let id = CorrelationId::from_incoming(Some("req-42:abc.def_1"));
        assert_eq!(id.as_str(), "req-42:abc.def_1");
    }

    #[test]
    fn a_malformed_or_missing_id_is_replaced_by_a_fresh_one() {
        let injected = CorrelationId::from_incoming(Some("evil\nline"));
        assert_ne!(injected.as_str(), "evil\nline");
        assert_eq!(injected.as_str().len(), 36);
        let long = "a".repeat(129);
        assert_ne!(CorrelationId::from_incoming(Some(&long)).as_str(), long);
        assert_ne!(
            CorrelationId::from_incoming(None),
            CorrelationId::from_incoming(None)
        );
    }

    #[tokio::test]
    async fn the_current_id_is_visible_only_inside_its_scope() {
        assert_eq!(CorrelationId::current(), None);
        let id = CorrelationId::parse("abc").unwrap();
        let seen = id.clone().scope(async { CorrelationId::current() }).await;
        assert_eq!(seen, Some(id));
    }
}
