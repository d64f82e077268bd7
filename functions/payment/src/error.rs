//! The payment service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::{ProviderError, QueueError};
use http::StatusCode;
use shared::http::{Answer, Failure, OwnError};

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

impl OwnError for PaymentError {
    fn answer(&self) -> Answer {
        match self {
            Self::NotFound => Answer::not_found(),
            Self::AlreadyPaid => Answer::conflict("payment_completed"),
            Self::NotPaid => Answer::conflict("payment_not_billed"),
            Self::Mismatch(_) => Answer::invalid().logged(),
            Self::Unconfirmed => Answer::conflict("payment_unconfirmed"),
            Self::RefundIdReused => Answer::conflict("refund_id_reused"),
            Self::RefundInProgress => Answer::conflict("refund_in_progress"),
            Self::RefundTooLarge { .. } => Answer::conflict("refund_too_large"),
            Self::RefundRefused(_) => Answer::gateway(StatusCode::BAD_GATEWAY, "refund_refused"),
            Self::RefundUnknown => {
                Answer::gateway(StatusCode::BAD_GATEWAY, "refund_outcome_unknown")
            }
            Self::Contended => Answer::new(StatusCode::SERVICE_UNAVAILABLE, "payment_contended"),
            Self::Provider(provider) => provider.answer(),
            Self::Queue(_) => Answer::internal(),
        }
    }
}
