//! The liftoperator rules, free of AWS and HTTP: operators and their provider links, the
//! normalised product and booking shapes, and values that parse.

mod booking;
mod operator;
mod product;

pub use booking::{Booking, BookingItem, BookingRequest, BookingStatus, Ticket};
pub use operator::{
    Location, Operator, OperatorId, OperatorInput, PersonType, Provider, ProviderLink,
    PublicOperator,
};
pub use product::{Product, ProviderRef, Validity};
pub use shared::values::Category;
pub use shared::values::{CredentialsRef, Day, ExternalOrderId, Invalid, Keycard, Money};
