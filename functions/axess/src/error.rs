//! The axess service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::ProviderError;
use http::StatusCode;
use shared::http::{Answer, Failure, OwnError};
use shared::idempotency::IdempotencyError;
use shared::provider::BookingError;

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

/// A booking's claim failed the way a booking fails: in progress, reused, or in storage.
impl From<IdempotencyError> for AxessError {
    fn from(err: IdempotencyError) -> Self {
        Self::Booking(err.into())
    }
}

impl OwnError for AxessError {
    fn answer(&self) -> Answer {
        match self {
            Self::Booking(booking) => booking.answer(),
            Self::OutcomeUnknown => {
                Answer::gateway(StatusCode::BAD_GATEWAY, "booking_outcome_unknown")
            }
            Self::Incomplete { .. } => {
                Answer::new(StatusCode::SERVICE_UNAVAILABLE, "booking_incomplete")
            }
            Self::Refused(_) => Answer::gateway(StatusCode::BAD_GATEWAY, "booking_refused"),
            Self::Provider(provider) => provider.answer(),
        }
    }
}
