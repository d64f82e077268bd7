//! The axess service's errors and their one mapping to HTTP.

use crate::domain::Invalid;
use crate::ports::{ProviderError, StoreError};
use http::StatusCode;
use shared::http::ApiError;
use shared::idempotency::IdempotencyError;
use shared::provider::{self, BookingError, gateway};

#[derive(Debug, thiserror::Error)]
pub enum AxessError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Request(#[from] ApiError),
    #[error(transparent)]
    Booking(#[from] BookingError),
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
        Self::Booking(err.into())
    }
}

impl From<AxessError> for ApiError {
    fn from(err: AxessError) -> Self {
        let message = err.to_string();
        match err {
            AxessError::Invalid(_) => ApiError::invalid(message),
            AxessError::Request(api) => api,
            AxessError::Booking(booking) => booking.into(),
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
