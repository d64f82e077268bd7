//! The order service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::ServiceError;
use http::StatusCode;
use shared::http::{ApiError, Failure, OwnError};
use shared::idempotency::IdempotencyError;

/// What the order handlers fail with.
pub type OrderFailure = Failure<OrderError>;

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    #[error("no such order")]
    NotFound,
    #[error("no keycard {0} of yours")]
    NoKeycard(String),
    #[error("keycard {0} is not produced yet; tickets can be booked onto produced keycards")]
    KeycardNotReady(String),
    #[error("keycard {keycard} has a ticket of {operator} on {date} in another order")]
    DayTaken {
        keycard: String,
        operator: String,
        date: String,
    },
    #[error("this order has no invoice: it is not completed")]
    NoInvoice,
    #[error("only an order waiting for its payment can be cancelled")]
    NotCancellable,
    #[error("this Idempotency-Key was used before with another order")]
    KeyReused,
    #[error("an order with this Idempotency-Key is being placed by another request")]
    KeyInProgress,
    #[error("the order kept changing under concurrent requests")]
    Contended,
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("the Idempotency-Key's claim failed")]
    Claim(#[source] IdempotencyError),
}

impl OwnError for OrderError {}
impl OwnError for ServiceError {}

impl From<IdempotencyError> for OrderError {
    fn from(err: IdempotencyError) -> Self {
        match err {
            IdempotencyError::PayloadMismatch(_) => Self::KeyReused,
            IdempotencyError::InProgress(_) => Self::KeyInProgress,
            other => Self::Claim(other),
        }
    }
}

impl From<OrderError> for ApiError {
    fn from(err: OrderError) -> Self {
        let message = err.to_string();
        match err {
            OrderError::NotFound | OrderError::NoKeycard(_) | OrderError::NoInvoice => {
                ApiError::not_found(message)
            }
            OrderError::KeycardNotReady(_) => ApiError::conflict("keycard_not_ready", message),
            OrderError::DayTaken { .. } => ApiError::conflict("keycard_day_taken", message),
            OrderError::NotCancellable => ApiError::conflict("order_not_cancellable", message),
            OrderError::KeyReused => ApiError::conflict("idempotency_key_reused", message),
            OrderError::KeyInProgress => ApiError::conflict("order_in_progress", message),
            OrderError::Contended => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "order_contended", message)
            }
            OrderError::Service(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "service_unavailable",
                "a service the order needs did not answer; try again",
            )
            .with_cause(err),
            OrderError::Claim(_) => ApiError::internal(err),
        }
    }
}
