//! The dta rules, free of AWS and HTTP: values that parse, products, bookings and how
//! SkiData's order statuses map to ours.

mod booking;
mod product;

pub use booking::{Booking, BookingItem, BookingRequest, BookingStatus, OrderStatus};
pub use product::{Product, category_of};
pub use shared::values::{Category, CredentialsRef, Day, ExternalOrderId, Invalid, Keycard, Money};
