//! The keycard rules: what a customer may order, the statuses a card passes through, which
//! supplier reports move it on, and how the supplier's webhook is authenticated.

mod keycard;
mod order;
mod progress;
mod signature;

pub use keycard::{Keycard, KeycardId, Status};
pub use order::{Address, HolderName, KeycardRequest, NewKeycard};
pub use progress::{MailKind, Progress, SupplierCard};
pub use shared::values::Locale;
pub use shared::values::{Day, Invalid, Keycard as Chip};
pub use signature::{Signature, SignatureError};

/// How many keycards not yet produced a customer may have at once.
pub const MAX_OPEN_PER_CUSTOMER: usize = 5;

const STAMP: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
);

/// A UTC instant written with milliseconds, so that text order is time order.
pub fn stamp(at: time::OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(STAMP)
        .unwrap_or_default()
}

/// Now, as [`stamp`] writes it.
pub fn now() -> String {
    stamp(time::OffsetDateTime::now_utc())
}
