//! Tariffs and bookings: what is asked for, what Axess issued, and the booking's status.

use super::{CredentialsRef, Day, ExternalOrderId, Invalid, Keycard};
use serde::{Deserialize, Serialize};
use shared::values::{check_items, fingerprint};
/// The most products priced in one listing.
pub const MAX_PRODUCTS: usize = 30;

/// An Axess product: a ticket type for a person type in a pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductKey {
    pub pool_no: u32,
    pub ticket_type_no: u32,
    pub person_type_no: u32,
}

impl ProductKey {
    /// Parses `pool_no` and a list such as `10:1,10:2` of ticket type and person type numbers.
    pub fn parse_list(pool_no: &str, tickets: &str) -> Result<Vec<Self>, Invalid> {
        let pool_no = pool_no
            .parse()
            .map_err(|_| Invalid::new("pool_no", "must be a number"))?;
        let keys = tickets
            .split(',')
            .map(|pair| {
                let (ticket, person) = pair.split_once(':').unwrap_or((pair, ""));
                match (ticket.trim().parse(), person.trim().parse()) {
                    (Ok(ticket_type_no), Ok(person_type_no)) => Ok(Self {
                        pool_no,
                        ticket_type_no,
                        person_type_no,
                    }),
                    _ => Err(Invalid::new(
                        "tickets",
                        "must list TICKETTYPE:PERSONTYPE numbers, comma-separated",
                    )),
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        if keys.len() > MAX_PRODUCTS {
            return Err(Invalid::new(
                "tickets",
                format!("lists more than {MAX_PRODUCTS} products"),
            ));
        }
        Ok(keys)
    }
}

/// The price of one product on one day, with the names Axess gives it, as axess lists it.
pub type Tariff = shared::values::AxessTariff;

/// One ticket to issue onto one keycard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketItem {
    pub pool_no: u32,
    pub ticket_type_no: u32,
    pub person_type_no: u32,
    pub valid_from: Day,
    pub keycard: Keycard,
}

impl TicketItem {
    pub fn key(&self) -> ProductKey {
        ProductKey {
            pool_no: self.pool_no,
            ticket_type_no: self.ticket_type_no,
            person_type_no: self.person_type_no,
        }
    }
}

/// A booking as asked for by the facade.
#[derive(Debug, Clone, Deserialize)]
pub struct BookingRequest {
    pub credentials: CredentialsRef,
    pub external_order_id: ExternalOrderId,
    pub items: Vec<TicketItem>,
}

impl BookingRequest {
    /// Checks what serde cannot: the number of items and each keycard.
    pub fn validate(&self) -> Result<(), Invalid> {
        check_items(&self.items, |item| &item.keycard)
    }

    /// A digest of the items, to tell a repeated booking from a reused external order id.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.items)
    }
}

/// A ticket Axess issued: the numbers that identify it, and whether it was cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedTicket {
    /// The index of the booking item it was issued for.
    pub item: usize,
    pub project_no: i64,
    pub pos_no: i64,
    pub serial_no: i64,
    pub journal_no: i64,
    pub cancelled: bool,
}

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Tickets are being issued now.
    Issuing,
    Issued,
    Cancelled,
    /// An issue's outcome is unknown (no answer); a person must reconcile it with Axess.
    Unknown,
}

/// A booking as kept and answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    pub external_order_id: ExternalOrderId,
    pub status: BookingStatus,
    pub items: Vec<TicketItem>,
    pub tickets: Vec<IssuedTicket>,
}

/// A booking with the fingerprint of the items it was asked for, and the item whose issue was
/// sent but whose answer is not recorded yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredBooking {
    pub booking: Booking,
    pub fingerprint: String,
    /// Set before an issue is sent and cleared once its ticket is saved: found set by a later
    /// delivery, the outcome is unknown.
    #[serde(default)]
    pub attempt: Option<usize>,
}

impl StoredBooking {
    /// A booking of `asked` about to issue its first ticket.
    pub fn issuing(asked: &BookingRequest) -> Self {
        Self {
            booking: Booking {
                external_order_id: asked.external_order_id.clone(),
                status: BookingStatus::Issuing,
                items: asked.items.clone(),
                tickets: Vec::new(),
            },
            fingerprint: asked.fingerprint(),
            attempt: None,
        }
    }

    /// The index of the next item to issue (tickets are issued in order), if any is left.
    pub fn next_item(&self) -> Option<usize> {
        let next = self.booking.tickets.len();
        (next < self.booking.items.len()).then_some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_product_list_parses_into_keys_of_one_pool() {
        let keys = ProductKey::parse_list("1", "10:1, 10:2").unwrap();
        assert_eq!(keys.len(), 2);
        assert_eq!(
            keys[1],
            ProductKey {
                pool_no: 1,
                ticket_type_no: 10,
                person_type_no: 2
            }
        );
    }

    #[test]
    fn a_malformed_product_list_is_refused() {
        assert!(ProductKey::parse_list("1", "10").is_err());
        assert!(ProductKey::parse_list("x", "10:1").is_err());
        assert!(ProductKey::parse_list("1", "10:-1").is_err());
        let many = vec!["1:1"; 31].join(",");
        assert!(ProductKey::parse_list("1", &many).is_err());
    }
}
