//! The logs service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::domain::frontend::Invalid;
use crate::payload::PayloadError;
use crate::ports::SinkError;
use shared::http::{Answer, Failure, OwnError};

/// What the logs handlers fail with.
pub type LogsFailure = Failure<LogsError>;

#[derive(Debug, thiserror::Error)]
pub enum LogsError {
    #[error(transparent)]
    Payload(#[from] PayloadError),
    #[error("{failed} of {total} alerts could not be delivered; the invocation is retried")]
    Undelivered { failed: usize, total: usize },
    /// A front-end event that breaks the ingestion rules.
    #[error(transparent)]
    Event(#[from] Invalid),
    #[error(transparent)]
    Sink(#[from] SinkError),
}

impl OwnError for PayloadError {}
impl OwnError for Invalid {}
impl OwnError for SinkError {}

impl OwnError for LogsError {
    fn answer(&self) -> Answer {
        match self {
            Self::Event(_) => Answer::invalid(),
            _ => Answer::internal(),
        }
    }
}
