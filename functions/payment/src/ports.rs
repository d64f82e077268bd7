//! What the payment rules need from storage, Mpay24 and the order service's queue, in domain
//! types.

use crate::domain::{OrderId, Payment, Transaction};
use std::future::Future;

pub use shared::provider::ProviderError;
pub use shared::queue::QueueError;
pub use shared::table::StoreError;

/// A payment session Mpay24 opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub mpay_tid: String,
    /// Where the customer pays.
    pub location: String,
}

/// Mpay24's ETP interface.
pub trait Mpay24 {
    /// Opens (or, for an unpaid order, renews) the payment session of `payment`.
    fn select_payment(
        &self,
        payment: &Payment,
    ) -> impl Future<Output = Result<Session, ProviderError>> + Send;
    /// Mpay24's own view of the order's transaction; `None` while nobody paid or declined.
    fn transaction(
        &self,
        order_id: &OrderId,
    ) -> impl Future<Output = Result<Option<Transaction>, ProviderError>> + Send;
    /// Credits `amount_cents` of the transaction back to the customer.
    fn credit(
        &self,
        mpay_tid: &str,
        amount_cents: i64,
    ) -> impl Future<Output = Result<(), ProviderError>> + Send;
    /// A cheap check that Mpay24 answers, for `GET /payments/status`.
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// Payments by order id, each written under its `version`.
pub trait PaymentStore {
    fn payment(
        &self,
        order_id: &OrderId,
    ) -> impl Future<Output = Result<Option<Payment>, StoreError>> + Send;
    /// Stores `payment` if what is stored is still at `payment.version - 1` (nothing for
    /// version 0); `false` if another request changed it first.
    fn save(&self, payment: &Payment) -> impl Future<Output = Result<bool, StoreError>> + Send;
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// The order service's queue: payment outcomes it must act on.
pub trait Orders {
    /// Tells the order service that `payment` is billed or failed.
    fn tell(&self, payment: &Payment) -> impl Future<Output = Result<(), QueueError>> + Send;
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}
