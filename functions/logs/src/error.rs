//! The logs service's errors and their one mapping to HTTP.

use crate::domain::frontend::Invalid;
use crate::payload::PayloadError;
use crate::ports::{SinkError, StoreError};
use shared::http::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum LogsError {
    #[error(transparent)]
    Payload(#[from] PayloadError),
    #[error("{failed} of {total} alerts could not be delivered; the invocation is retried")]
    Undelivered { failed: usize, total: usize },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Request(#[from] ApiError),
    #[error(transparent)]
    Sink(#[from] SinkError),
}

impl From<LogsError> for ApiError {
    fn from(err: LogsError) -> Self {
        match err {
            LogsError::Invalid(invalid) => ApiError::invalid(invalid.to_string()),
            LogsError::Request(api) => api,
            other => ApiError::internal(other),
        }
    }
}
