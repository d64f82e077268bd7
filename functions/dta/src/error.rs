//! The dta service's errors and their one mapping to HTTP.

use crate::domain::Invalid;
use crate::ports::{ProviderError, StoreError};
use http::StatusCode;
use shared::http::ApiError;
use shared::idempotency::IdempotencyError;
use shared::provider::{self, gateway};

#[derive(Debug, thiserror::Error)]
pub enum DtaError {
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
    #[error("the booking's claim: {0}")]
    Claim(#[from] IdempotencyError),
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

impl From<DtaError> for ApiError {
    fn from(err: DtaError) -> Self {
        let message = err.to_string();
        match err {
            DtaError::Invalid(_) => ApiError::invalid(message),
            DtaError::Request(api) => api,
            DtaError::NotFound => ApiError::not_found(message),
            DtaError::IdReused => ApiError::conflict("external_order_id_reused", message),
            DtaError::Cancelled => ApiError::conflict("booking_cancelled", message),
            DtaError::Claim(IdempotencyError::InProgress(_)) => ApiError::conflict(
                "booking_in_progress",
                "this booking is being placed by another request",
            ),
            DtaError::Claim(IdempotencyError::PayloadMismatch(_)) => {
                ApiError::conflict("external_order_id_reused", DtaError::IdReused.to_string())
            }
            DtaError::Claim(source) => ApiError::internal(source),
            DtaError::ClaimWithoutBooking => ApiError::internal(err),
            DtaError::Refused(_) => gateway(StatusCode::BAD_GATEWAY, "booking_refused", err),
            DtaError::Pending(_) => gateway(StatusCode::GATEWAY_TIMEOUT, "booking_pending", err),
            DtaError::Provider(ref provider) => provider::answer(provider.failure(), err),
            DtaError::Store(source) => ApiError::internal(source),
        }
    }
}
