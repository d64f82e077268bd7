//! The keycard supplier: orders cards (`POST /keycards/v1/cards`, the same `externalId` is the
//! same order), reports them (`GET /keycards/v1/cards/{id}`), produces them step by step and
//! posts each change, signed, to our webhook.

mod api;
mod production;

use crate::derive;
use crate::state::Sandbox;
use axum::Router;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The party's name in the sandbox state; objects are keyed by cardOrderId.
const PARTY: &str = "keycards";

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new()
        .route("/keycards/v1/cards", post(api::create))
        .route("/keycards/v1/cards/{id}", get(api::show))
        .route(
            "/_sandbox/keycards/{id}/advance",
            post(production::advance_on_demand),
        )
}

/// Where a card order stands; each step follows the one before, FAILED can end any open one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Status {
    Received,
    InProduction,
    Produced,
    Shipped,
    Failed,
}

impl Status {
    fn next(self) -> Option<Self> {
        match self {
            Self::Received => Some(Self::InProduction),
            Self::InProduction => Some(Self::Produced),
            Self::Produced => Some(Self::Shipped),
            Self::Shipped | Self::Failed => None,
        }
    }

    fn is_final(self) -> bool {
        self.next().is_none()
    }

    fn parse(text: &str) -> Option<Self> {
        serde_json::from_value(json!(text)).ok()
    }

    fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// One card order as kept in the sandbox state.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Order {
    card_order_id: String,
    external_id: String,
    customer_name: String,
    shipping_address: Value,
    status: Status,
    /// Tells this order's production timer from one of an order of the same id before a reset.
    nonce: String,
}

impl Order {
    fn load(sandbox: &Sandbox, id: &str) -> Option<Self> {
        serde_json::from_value(sandbox.get(PARTY, id)?).ok()
    }

    /// What the supplier shows of the order: the card's identifiers once it is produced.
    fn view(&self) -> Value {
        let mut view = json!({
            "cardOrderId": self.card_order_id,
            "externalId": self.external_id,
            "status": self.status,
        });
        if matches!(self.status, Status::Produced | Status::Shipped)
            && let Some(object) = view.as_object_mut()
        {
            let (chip_id, serial_number, luhn_number) = identifiers(&self.card_order_id);
            object.insert("chipId".into(), json!(chip_id));
            object.insert("serialNumber".into(), json!(serial_number));
            object.insert("luhnNumber".into(), json!(luhn_number));
        }
        view
    }
}

/// The order id of `external_id`: the same for the same external id.
fn card_order_id(external_id: &str) -> String {
    format!(
        "KC-{}",
        derive::hex(&derive::digest(&["card-order", external_id])[..8]).to_ascii_uppercase()
    )
}

/// (chipId: 16 hex digits starting E004, serialNumber: 12 digits, luhnNumber: 19 digits whose
/// last is the Luhn check digit) of a card order.
fn identifiers(card_order_id: &str) -> (String, String, String) {
    let chip = derive::hex(&derive::digest(&["chip", card_order_id])[..6]).to_ascii_uppercase();
    (
        format!("E004{chip}"),
        derive::digits(&["serial", card_order_id], 12),
        derive::with_luhn_digit(&derive::digits(&["luhn", card_order_id], 18)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_stable_and_the_luhn_number_checks() {
        let (chip, serial, luhn) = identifiers("KC-0001");
        assert_eq!(
            (chip.clone(), serial.clone(), luhn.clone()),
            identifiers("KC-0001")
        );
        assert_eq!(chip.len(), 16);
        assert_eq!(serial.len(), 12);
        assert_eq!(luhn.len(), 19);
        assert!(derive::luhn_valid(&luhn));
    }

    #[test]
    fn statuses_step_forward_and_end() {
        assert_eq!(Status::Received.next(), Some(Status::InProduction));
        assert!(Status::Shipped.is_final() && Status::Failed.is_final());
        assert_eq!(Status::parse("IN_PRODUCTION"), Some(Status::InProduction));
        assert_eq!(Status::InProduction.name(), "IN_PRODUCTION");
        assert_eq!(Status::parse("LOST"), None);
    }
}
