//! The payment rules, free of AWS and HTTP: a payment per order, how it moves from pending to
//! billed or failed (never back from billed), what a confirmation must agree with, and refunds
//! that never add up to more than was paid.

mod payment;
mod refund;

pub use payment::{OrderId, Payment, PaymentStatus, StartRequest, Transaction, Verdict};
pub use refund::{Refund, RefundId, RefundRequest, RefundStatus};
pub use shared::values::{Invalid, Money};
