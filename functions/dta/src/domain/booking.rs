//! Bookings: what is asked for, what SkiData says about it, and our status for that.

use super::{CredentialsRef, Day, ExternalOrderId, Invalid, Keycard};
use serde::{Deserialize, Serialize};
use shared::values::{check_items, fingerprint, is_word};

/// One ticket to book onto one keycard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingItem {
    pub product_id: String,
    pub consumer_category_id: String,
    pub valid_from: Day,
    pub keycard: Keycard,
}

/// A booking as asked for by the facade.
#[derive(Debug, Clone, Deserialize)]
pub struct BookingRequest {
    pub credentials: CredentialsRef,
    pub external_order_id: ExternalOrderId,
    pub items: Vec<BookingItem>,
}

impl BookingRequest {
    /// Checks what serde cannot: the number of items and each item's ids and keycard.
    pub fn validate(&self) -> Result<(), Invalid> {
        check_items(&self.items, |item| &item.keycard)?;
        for item in &self.items {
            if !is_word(&item.product_id, 64, b"-_.") {
                return Err(Invalid::new(
                    "items.product_id",
                    "is not a SkiData product id",
                ));
            }
            if !is_word(&item.consumer_category_id, 64, b"-_.") {
                return Err(Invalid::new(
                    "items.consumer_category_id",
                    "is not a SkiData consumer category id",
                ));
            }
        }
        Ok(())
    }

    /// A digest of the items, to tell a repeated booking from a reused external order id.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.items)
    }
}

/// Our status of a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BookingStatus {
    Pending,
    Booked,
    Cancelled,
    Failed,
}

/// SkiData's status of an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OrderStatus {
    Pending,
    Reserved,
    Booked,
    BookedAndTransferred,
    Canceled,
    Failed,
    Rejected,
}

impl OrderStatus {
    /// Ours for SkiData's: still working, done, undone, or refused.
    pub fn ours(self) -> BookingStatus {
        match self {
            Self::Pending | Self::Reserved => BookingStatus::Pending,
            Self::Booked | Self::BookedAndTransferred => BookingStatus::Booked,
            Self::Canceled => BookingStatus::Cancelled,
            Self::Failed | Self::Rejected => BookingStatus::Failed,
        }
    }
}

/// A booking as kept and answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    pub external_order_id: ExternalOrderId,
    pub status: BookingStatus,
    pub order_id: String,
    pub confirmation_number: String,
    pub items: Vec<BookingItem>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skidata_statuses_map_to_ours() {
        assert_eq!(OrderStatus::Reserved.ours(), BookingStatus::Pending);
        assert_eq!(
            OrderStatus::BookedAndTransferred.ours(),
            BookingStatus::Booked
        );
        assert_eq!(OrderStatus::Canceled.ours(), BookingStatus::Cancelled);
        assert_eq!(OrderStatus::Rejected.ours(), BookingStatus::Failed);
    }

    #[test]
    fn an_unknown_skidata_status_does_not_parse() {
        assert!(serde_json::from_str::<OrderStatus>("\"LOST\"").is_err());
        assert_eq!(
            serde_json::from_str::<OrderStatus>("\"BOOKED_AND_TRANSFERRED\"").unwrap(),
            OrderStatus::BookedAndTransferred
        );
    }
}
