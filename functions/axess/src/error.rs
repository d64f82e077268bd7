//! The axess service's errors and their one mapping to HTTP.

use crate::domain::Invalid;
use crate::ports::{ProviderError, StoreError};
use http::StatusCode;
use shared::http::ApiError;
use shared::idempotency::IdempotencyError;
use shared::provider::{self, gateway};

#[derive(Debug, thiserror::Error)]
pub enum AxessError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Request(#[from] ApiError),
    #[error("no booking with this external order id")]
    NotFound,
    #[error("this external order id was booked before with other items")]
    IdReused,
    #[error("this booking was cancelled")]
    Cancelled,
    #[error("this booking is being issued by another request")]
    InProgress,
    #[error(
        "an earlier attempt of this booking ended without an answer from Axess; it needs reconciliation"
    )]
    OutcomeUnknown,
    #[error(
        "the booking stopped before the function's deadline with {issued} of {of} tickets issued; repeat it to resume"
    )]
    Incomplete { issued: usize, of: usize },
    #[error("Axess refused the booking; nothing was issued")]
    Refused(#[source] ProviderError),
    #[error("Axess {0}")]
    Provider(#[from] ProviderError),
    #[error("storage failed")]
    Store(#[from] StoreError),
}

impl From<IdempotencyError> for AxessError {
    fn from(err: IdempotencyError) -> Self {
        match err {
            IdempotencyError::InProgress(_) => Self::InProgress,
            IdempotencyError::PayloadMismatch(_) => Self::IdReused,
            other => Self::Store(StoreError::new(other)),
        }
    }
}

impl From<AxessError> for ApiError {
    fn from(err: AxessError) -> Self {
        let message = err.to_string();
        match err {
            AxessError::Invalid(_) => ApiError::invalid(message),
            AxessError::Request(api) => api,
            AxessError::NotFound => ApiError::not_found(message),
            AxessError::IdReused => ApiError::conflict("external_order_id_reused", message),
            AxessError::Cancelled => ApiError::conflict("booking_cancelled", message),
            AxessError::InProgress => ApiError::conflict("booking_in_progress", message),
            AxessError::OutcomeUnknown => {
                gateway(StatusCode::BAD_GATEWAY, "booking_outcome_unknown", err)
            }
            AxessError::Incomplete { .. } => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "booking_incomplete",
                message,
            ),
            AxessError::Refused(_) => gateway(StatusCode::BAD_GATEWAY, "booking_refused", err),
            AxessError::Provider(ref provider) => provider::answer(provider.failure(), err),
            AxessError::Store(source) => ApiError::internal(source),
        }
    }
}
