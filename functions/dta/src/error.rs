//! The dta service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::ProviderError;
use http::StatusCode;
use shared::http::{Answer, Failure, OwnError};
use shared::idempotency::IdempotencyError;
use shared::provider::BookingError;

/// What the dta handlers fail with.
pub type DtaFailure = Failure<DtaError>;

#[derive(Debug, thiserror::Error)]
pub enum DtaError {
    #[error(transparent)]
    Booking(#[from] BookingError),
    #[error("the booking's claim is settled but the booking is not stored")]
    ClaimWithoutBooking,
    #[error("SkiData refused order {0}")]
    Refused(String),
    #[error(
        "SkiData has not finished order {0} in time; repeat the booking with the same external order id, or read it later"
    )]
    Pending(String),
    #[error("SkiData {0}")]
    Provider(#[from] ProviderError),
}

/// A booking's claim failed the way a booking fails: in progress, reused, or in storage.
impl From<IdempotencyError> for DtaError {
    fn from(err: IdempotencyError) -> Self {
        Self::Booking(err.into())
    }
}

impl OwnError for DtaError {
    fn answer(&self) -> Answer {
        match self {
            Self::Booking(booking) => booking.answer(),
            Self::ClaimWithoutBooking => Answer::internal(),
            Self::Refused(_) => Answer::gateway(StatusCode::BAD_GATEWAY, "booking_refused"),
            Self::Pending(_) => Answer::gateway(StatusCode::GATEWAY_TIMEOUT, "booking_pending"),
            Self::Provider(provider) => provider.answer(),
        }
    }
}
