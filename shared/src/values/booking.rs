//! What every booking's items share, whichever side of the contract reads them: how many there
//! may be, well-formed keycards, the fingerprint that tells a repeated booking from a reused
//! external order id, and who a ticket is for.

use super::{Invalid, Keycard};
use serde::{Deserialize, Serialize};

/// The most tickets one booking may hold.
pub const MAX_ITEMS: usize = 20;

/// Checks 1 to [`MAX_ITEMS`] items, each with a well-formed keycard.
pub fn check_items<T>(items: &[T], keycard: impl Fn(&T) -> &Keycard) -> Result<(), Invalid> {
    if items.is_empty() || items.len() > MAX_ITEMS {
        return Err(Invalid::new(
            "items",
            format!("must hold 1 to {MAX_ITEMS} tickets"),
        ));
    }
    items.iter().try_for_each(|item| keycard(item).validate())
}

/// A digest of a booking's items.
pub fn fingerprint(items: &impl Serialize) -> String {
    let items = serde_json::to_vec(items).unwrap_or_default();
    crate::digest::sha256_hex(&items)
}

/// Who a ticket is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Adult,
    Child,
    Youth,
    Senior,
    Other,
}
