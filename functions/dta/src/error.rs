//! The dta service's errors and their one mapping to HTTP.

use crate::domain::Invalid;
use crate::ports::{ProviderError, StoreError};
use http::StatusCode;
use shared::http::ApiError;
use shared::idempotency::IdempotencyError;
use shared::provider::{self, BookingError, gateway};

#[derive(Debug, thiserror::Error)]
pub enum DtaError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Request(#[from] ApiError),
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
    #[error("storage failed")]
    Store(#[from] StoreError),
}

impl From<IdempotencyError> for DtaError {
    fn from(err: IdempotencyError) -> Self {
        Self::Booking(err.into())
    }
}

impl From<DtaError> for ApiError {
    fn from(err: DtaError) -> Self {
        let message = err.to_string();
        match err {
            DtaError::Invalid(_) => ApiError::invalid(message),
            DtaError::Request(api) => api,
            DtaError::Booking(booking) => booking.into(),
            DtaError::ClaimWithoutBooking => ApiError::internal(err),
            DtaError::Refused(_) => gateway(StatusCode::BAD_GATEWAY, "booking_refused", err),
            DtaError::Pending(_) => gateway(StatusCode::GATEWAY_TIMEOUT, "booking_pending", err),
            DtaError::Provider(ref provider) => provider::answer(provider.failure(), err),
            DtaError::Store(source) => ApiError::internal(source),
        }
    }
}
