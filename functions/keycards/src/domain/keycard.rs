//! A keycard: who ordered it, for whom, and where it stands at the supplier.

use super::{Address, Chip, Day, HolderName, Invalid, Locale};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// Our id of a keycard, also the supplier's `externalId`: `kc-` and 32 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct KeycardId(String);

impl KeycardId {
    pub fn generate() -> Self {
        Self(format!("kc-{}", uuid::Uuid::new_v4().simple()))
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let hex = raw.strip_prefix("kc-").unwrap_or_default();
        if hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Self(raw.to_ascii_lowercase()))
        } else {
            Err(Invalid::new(
                "keycard_id",
                "must be kc- followed by 32 hex digits",
            ))
        }
    }
}

shared::parsed_text!(KeycardId);

/// Where a keycard stands. `ordering` until the supplier has the order; tickets can be
/// booked onto `produced` and `shipped` cards; `shipped` and `failed` are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ordering,
    Ordered,
    InProduction,
    Produced,
    Shipped,
    Failed,
}

impl Status {
    /// The position on the way to `shipped`; `failed` ends the way from anywhere.
    fn rank(self) -> u8 {
        match self {
            Self::Ordering => 0,
            Self::Ordered => 1,
            Self::InProduction => 2,
            Self::Produced => 3,
            Self::Shipped => 4,
            Self::Failed => 5,
        }
    }

    /// Whether nothing can change any more.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Shipped | Self::Failed)
    }

    /// Whether the card exists, so tickets can be booked onto it.
    pub fn is_produced(self) -> bool {
        matches!(self, Self::Produced | Self::Shipped)
    }

    /// Whether a keycard in this status counts against the customer's open orders.
    pub fn is_open(self) -> bool {
        !self.is_produced() && self != Self::Failed
    }

    /// Whether a card may move from `self` to `next`: only forwards, never out of a final one.
    pub fn may_become(self, next: Self) -> bool {
        !self.is_final() && next.rank() > self.rank()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ordering => "ordering",
            Self::Ordered => "ordered",
            Self::InProduction => "in_production",
            Self::Produced => "produced",
            Self::Shipped => "shipped",
            Self::Failed => "failed",
        }
    }
}

/// A keycard as stored; `version` grows with every change and guards concurrent writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keycard {
    pub keycard_id: KeycardId,
    /// The user id of the customer who ordered it.
    pub owner: String,
    pub status: Status,
    pub holder_name: HolderName,
    pub birth_date: Day,
    pub shipping_address: Address,
    /// The language of the customer's mails.
    pub locale: Locale,
    /// The supplier's id of the order, once it has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_order_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chip: Option<Chip>,
    pub created_at: String,
    pub updated_at: String,
    pub version: u64,
}

impl Keycard {
    /// What the customer sees: the contract's fields, `chip` from `produced` on.
    pub fn view(&self) -> Value {
        let mut view = json!({
            "keycard_id": self.keycard_id,
            "status": self.status,
            "holder_name": self.holder_name,
            "birth_date": self.birth_date,
            "shipping_address": self.shipping_address,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        });
        if let (Some(chip), Some(object)) = (&self.chip, view.as_object_mut())
            && self.status.is_produced()
        {
            object.insert("chip".into(), json!(chip));
        }
        view
    }

    /// What another service sees: the customer's view and the owner.
    pub fn service_view(&self) -> Value {
        let mut view = self.view();
        if let Some(object) = view.as_object_mut() {
            object.insert("owner".into(), json!(self.owner));
        }
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_moves_only_forwards_and_never_out_of_a_final_one() {
        assert!(Status::Ordering.may_become(Status::InProduction));
        assert!(Status::Produced.may_become(Status::Failed));
        assert!(!Status::Produced.may_become(Status::Ordered));
        assert!(!Status::Shipped.may_become(Status::Failed));
        assert!(!Status::Failed.may_become(Status::Shipped));
        assert!(!Status::Ordered.may_become(Status::Ordered));
    }

    #[test]
    fn a_keycard_id_is_ours_or_refused() {
        let id = KeycardId::generate();
        assert_eq!(KeycardId::parse(id.as_str()), Ok(id));
        assert!(KeycardId::parse("kc-123").is_err());
        assert!(KeycardId::parse("../etc/passwd").is_err());
    }
}
