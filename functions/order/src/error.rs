//! The order service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::ServiceError;
use http::StatusCode;
use shared::http::{Answer, Failure, OwnError};
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

impl OwnError for OrderError {
    fn answer(&self) -> Answer {
        match self {
            Self::NotFound | Self::NoKeycard(_) | Self::NoInvoice => Answer::not_found(),
            Self::KeycardNotReady(_) => Answer::conflict("keycard_not_ready"),
            Self::DayTaken { .. } => Answer::conflict("keycard_day_taken"),
            Self::NotCancellable => Answer::conflict("order_not_cancellable"),
            Self::KeyReused => Answer::conflict("idempotency_key_reused"),
            Self::KeyInProgress => Answer::conflict("order_in_progress"),
            Self::Contended => Answer::new(StatusCode::SERVICE_UNAVAILABLE, "order_contended"),
            Self::Service(_) => {
                Answer::gateway(StatusCode::SERVICE_UNAVAILABLE, "service_unavailable")
                    .saying("a service the order needs did not answer; try again")
            }
            Self::Claim(_) => Answer::internal(),
        }
    }
}
