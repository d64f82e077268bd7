//! Refunds of a billed payment: each asked for under its own id, done once, never more in total
//! than was paid.

use super::Invalid;
use serde::{Deserialize, Serialize};

shared::token_type!(
    /// The caller's id of one refund: the same id twice is the same refund.
    RefundId,
    "refund_id",
    64
);

/// `POST /payments/{order_id}/refunds`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefundRequest {
    pub refund_id: RefundId,
    pub amount_cents: i64,
}

impl RefundRequest {
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.amount_cents <= 0 {
            return Err(Invalid::new("amount_cents", "must be more than 0"));
        }
        Ok(())
    }
}

/// Where a refund stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefundStatus {
    /// Reserved against the payment; Mpay24 is being asked.
    Pending,
    Credited,
    /// Mpay24 refused it; its amount is free again.
    Refused,
    /// Mpay24 gave no answer: it may or may not have credited; a person reconciles it.
    Unknown,
}

/// One refund of a payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refund {
    pub refund_id: RefundId,
    pub amount_cents: i64,
    pub status: RefundStatus,
    /// When it was reserved (RFC 3339).
    pub requested_at: String,
}
