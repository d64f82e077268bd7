//! The payment service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::{ProviderError, QueueError};
use http::StatusCode;
use shared::http::{ApiError, Failure, OwnError};
use shared::provider::{self, gateway};

/// What the payment handlers fail with.
pub type PaymentFailure = Failure<PaymentError>;

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("no payment for this order")]
    NotFound,
    #[error("this order is paid already")]
    AlreadyPaid,
    #[error("this order is not paid, so nothing can be refunded")]
    NotPaid,
    #[error("the confirmation does not agree with Mpay24: {0}")]
    Mismatch(String),
    #[error("Mpay24 knows no payment of this order yet")]
    Unconfirmed,
    #[error("this refund id was used before for another amount")]
    RefundIdReused,
    #[error("the refund is being done by another request")]
    RefundInProgress,
    #[error("only {left} cents of this payment can still be refunded")]
    RefundTooLarge { left: i64 },
    #[error("Mpay24 refused the refund")]
    RefundRefused(#[source] ProviderError),
    #[error("Mpay24 gave no answer to this refund; it needs reconciliation")]
    RefundUnknown,
    #[error("the payment kept changing under concurrent requests")]
    Contended,
    #[error("Mpay24 {0}")]
    Provider(#[from] ProviderError),
    #[error("the order service could not be told")]
    Queue(#[from] QueueError),
}

impl OwnError for PaymentError {}

impl From<PaymentError> for ApiError {
    fn from(err: PaymentError) -> Self {
        let message = err.to_string();
        match err {
            PaymentError::NotFound => ApiError::not_found(message),
            PaymentError::AlreadyPaid => ApiError::conflict("payment_completed", message),
            PaymentError::NotPaid => ApiError::conflict("payment_not_billed", message),
            PaymentError::Mismatch(_) => ApiError::invalid(message).with_cause(err),
            PaymentError::Unconfirmed => ApiError::conflict("payment_unconfirmed", message),
            PaymentError::RefundIdReused => ApiError::conflict("refund_id_reused", message),
            PaymentError::RefundInProgress => ApiError::conflict("refund_in_progress", message),
            PaymentError::RefundTooLarge { .. } => ApiError::conflict("refund_too_large", message),
            PaymentError::RefundRefused(_) => {
                gateway(StatusCode::BAD_GATEWAY, "refund_refused", err)
            }
            PaymentError::RefundUnknown => {
                gateway(StatusCode::BAD_GATEWAY, "refund_outcome_unknown", err)
            }
            PaymentError::Contended => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "payment_contended",
                message,
            ),
            PaymentError::Provider(ref provider) => provider::answer(provider.failure(), err),
            PaymentError::Queue(_) => ApiError::internal(err),
        }
    }
}
