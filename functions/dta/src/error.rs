//! The dta service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::ProviderError;
use http::StatusCode;
use shared::http::{ApiError, Failure, OwnError};
use shared::idempotency::IdempotencyError;
use shared::provider::{self, BookingError, gateway};

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

impl OwnError for DtaError {}

impl From<IdempotencyError> for DtaError {
    fn from(err: IdempotencyError) -> Self {
        Self::Booking(err.into())
    }
}

impl From<DtaError> for ApiError {
    fn from(err: DtaError) -> Self {
        match err {
            DtaError::Booking(booking) => booking.into(),
            DtaError::ClaimWithoutBooking => ApiError::internal(err),
            DtaError::Refused(_) => gateway(StatusCode::BAD_GATEWAY, "booking_refused", err),
            DtaError::Pending(_) => gateway(StatusCode::GATEWAY_TIMEOUT, "booking_pending", err),
            DtaError::Provider(ref provider) => provider::answer(provider.failure(), err),
        }
    }
}
