//! The axess service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::ProviderError;
use http::StatusCode;
use shared::http::{ApiError, Failure, OwnError};
use shared::idempotency::IdempotencyError;
use shared::provider::{self, BookingError, gateway};

/// What the axess handlers fail with.
pub type AxessFailure = Failure<AxessError>;

#[derive(Debug, thiserror::Error)]
pub enum AxessError {
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
}

impl OwnError for AxessError {}

impl From<IdempotencyError> for AxessError {
    fn from(err: IdempotencyError) -> Self {
        Self::Booking(err.into())
    }
}

impl From<AxessError> for ApiError {
    fn from(err: AxessError) -> Self {
        let message = err.to_string();
        match err {
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
        }
    }
}
