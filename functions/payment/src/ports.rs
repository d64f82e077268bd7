//! What the payment rules need from storage, Mpay24 and the order service's queue, in domain
//! types.

use crate::domain::{OrderId, Payment, Transaction};

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
#[trait_variant::make(Send)]
pub trait Mpay24 {
    /// Opens (or, for an unpaid order, renews) the payment session of `payment`.
    async fn select_payment(&self, payment: &Payment) -> Result<Session, ProviderError>;
    /// Mpay24's own view of the order's transaction; `None` while nobody paid or declined.
    async fn transaction(&self, order_id: &OrderId) -> Result<Option<Transaction>, ProviderError>;
    /// Credits `amount_cents` of the transaction back to the customer.
    async fn credit(&self, mpay_tid: &str, amount_cents: i64) -> Result<(), ProviderError>;
    /// A cheap check that Mpay24 answers, for `GET /payments/status`.
    async fn check(&self) -> Result<(), String>;
}

/// Payments by order id, each written under its `version`.
#[trait_variant::make(Send)]
pub trait PaymentStore {
    async fn payment(&self, order_id: &OrderId) -> Result<Option<Payment>, StoreError>;
    /// Stores `payment` if what is stored is still at `payment.version - 1` (nothing for
    /// version 0); `false` if another request changed it first.
    async fn save(&self, payment: &Payment) -> Result<bool, StoreError>;
    async fn check(&self) -> Result<(), String>;
}

/// The order service's queue: payment outcomes it must act on.
#[trait_variant::make(Send)]
pub trait Orders {
    /// Tells the order service that `payment` is billed or failed.
    async fn tell(&self, payment: &Payment) -> Result<(), QueueError>;
    async fn check(&self) -> Result<(), String>;
}
