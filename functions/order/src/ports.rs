//! What the order rules need from storage and from our other services (the lift-operator
//! facade, keycards, payment), in domain types.

use crate::domain::{Day, InvoiceNumber, Money, Order, OrderId};
use shared::mail::UserMail;
use shared::values::Keycard;

pub use shared::table::StoreError;

/// A call to another of our services failed.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// It answered, refusing: its status and error code.
    #[error("{service} answered {status} {code}: {message}")]
    Refused {
        service: &'static str,
        status: u16,
        code: String,
        message: String,
    },
    /// It gave no usable answer: not reached, no answer in time, a malformed answer.
    #[error("{service} gave no usable answer: {detail}")]
    Unavailable {
        service: &'static str,
        detail: String,
    },
}

impl ServiceError {
    /// Whether trying again later may help: no answer, or a server-side failure that is not
    /// a refusal of the booking itself.
    pub fn is_temporary(&self) -> bool {
        match self {
            Self::Unavailable { .. } => true,
            Self::Refused { status, code, .. } => *status >= 500 && code != "booking_refused",
        }
    }
}

/// A product of an operator on a day, as the facade prices it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricedProduct {
    pub name: String,
    pub price: Money,
}

/// What order needs to know of a keycard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeycardView {
    pub owner: String,
    pub status: String,
    pub chip: Option<Keycard>,
}

impl KeycardView {
    /// Tickets can be booked onto produced and shipped keycards.
    pub fn bookable(&self) -> bool {
        matches!(self.status.as_str(), "produced" | "shipped") && self.chip.is_some()
    }
}

/// One ticket to book at an operator: its product, day and keycard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingItem {
    pub product_id: String,
    pub date: Day,
    pub keycard: Keycard,
}

/// Our other services, reached over the API.
#[trait_variant::make(Send)]
pub trait Services {
    /// Queues a mail to a customer (`shared::mail`).
    async fn mail(&self, mail: UserMail<'_>) -> Result<(), ServiceError>;
    /// The product `product_id` of `operator_id` on `date`; `None` if it is not sold then.
    async fn product(
        &self,
        operator_id: &str,
        product_id: &str,
        date: Day,
    ) -> Result<Option<PricedProduct>, ServiceError>;
    async fn keycard(&self, keycard_id: &str) -> Result<Option<KeycardView>, ServiceError>;
    /// Starts the order's payment; the page the customer pays on.
    async fn start_payment(&self, order: &Order) -> Result<String, ServiceError>;
    /// Refunds `amount_cents` of the order's payment, once per `refund_id`.
    async fn refund(
        &self,
        order_id: &OrderId,
        refund_id: &str,
        amount_cents: i64,
    ) -> Result<(), ServiceError>;
    /// Books `items` at `operator_id` under `booking_id` (the same id books once); the
    /// provider's reference of each ticket, in order.
    async fn book(
        &self,
        operator_id: &str,
        booking_id: &str,
        items: &[BookingItem],
    ) -> Result<Vec<Option<String>>, ServiceError>;
}

/// Invoice PDFs by invoice number.
#[trait_variant::make(Send)]
pub trait Invoices {
    async fn put(&self, number: &str, pdf: Vec<u8>) -> Result<(), StoreError>;
    async fn get(&self, number: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// A link that reads the invoice for a while without credentials, for the mail service.
    async fn link(&self, number: &str) -> Result<String, StoreError>;
}

/// Orders by id and by customer, the keycard-day slots, and the invoice counter.
#[trait_variant::make(Send)]
pub trait OrderStore {
    async fn order(&self, id: &OrderId) -> Result<Option<Order>, StoreError>;
    /// Stores `order` if what is stored is still at `order.version - 1` (nothing for
    /// version 0); `false` if another request changed it first.
    async fn save(&self, order: &Order) -> Result<bool, StoreError>;
    /// The customer's orders, newest first.
    async fn orders_of(&self, user_id: &str) -> Result<Vec<Order>, StoreError>;
    /// Takes the (keycard, operator, day) of each item for the order; the index of an item
    /// whose slot another order holds (and no slot taken) if there is one.
    async fn take_slots(&self, order: &Order) -> Result<Option<usize>, StoreError>;
    /// Frees the slots of the order's items at `items`.
    async fn free_slots(&self, order: &Order, items: &[usize]) -> Result<(), StoreError>;
    /// Gives the order the next invoice number of `year`, once, together with the counter;
    /// `None` if the order changed since it was read.
    async fn number(&self, order: &Order, year: i32) -> Result<Option<InvoiceNumber>, StoreError>;
    async fn check(&self) -> Result<(), String>;
}
