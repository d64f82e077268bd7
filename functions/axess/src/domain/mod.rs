//! The axess rules, free of AWS and HTTP: values that parse, tariffs, and bookings of
//! tickets issued one by one onto keycards.

mod booking;

pub use booking::{
    Booking, BookingRequest, BookingStatus, IssuedTicket, ProductKey, StoredBooking, Tariff,
    TicketItem,
};
pub use shared::values::{CredentialsRef, Day, ExternalOrderId, Invalid, Keycard, Money};
