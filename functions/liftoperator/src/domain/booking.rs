//! Bookings as the rest of the system sees them: tickets onto keycards for one external
//! order id, whichever provider books them.

use super::{Day, ExternalOrderId, Invalid, Keycard, OperatorId, Provider};
use serde::{Deserialize, Serialize};

/// One ticket to book: a product of the operator, its day, and the keycard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingItem {
    pub product_id: String,
    pub date: Day,
    pub keycard: Keycard,
}

/// `POST /liftoperators/{id}/bookings`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingRequest {
    pub external_order_id: ExternalOrderId,
    pub items: Vec<BookingItem>,
}

impl BookingRequest {
    pub fn validate(&self) -> Result<(), Invalid> {
        shared::values::check_items(&self.items, |item| &item.keycard)
    }
}

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BookingStatus {
    /// The provider has not finished it yet.
    Pending,
    Booked,
    Cancelled,
    Failed,
    /// The provider's outcome is unknown; it needs reconciliation.
    Unknown,
}

/// One ticket of a booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub product_id: String,
    pub date: Day,
    pub keycard: Keycard,
    /// The provider's reference of the ticket, once it has one.
    pub provider_reference: Option<String>,
}

/// A booking at an operator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    pub operator_id: OperatorId,
    pub external_order_id: ExternalOrderId,
    pub provider: Provider,
    pub status: BookingStatus,
    /// The provider's confirmation of the whole booking, where it gives one.
    pub confirmation: Option<String>,
    pub tickets: Vec<Ticket>,
}
