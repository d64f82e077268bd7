//! Message contracts between services, versioned: a consumer refuses a version it does not know.

use serde::{Deserialize, Serialize};

/// On the `orders` queue: Mpay24 confirmed and we verified a payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "version")]
pub enum PaymentConfirmed {
    #[serde(rename = "1")]
    V1 {
        order_id: String,
        payment_id: String,
        amount_cents: i64,
        currency: String,
    },
}

/// On the `orders` queue: Mpay24 reported, and we verified, that a payment failed; the order
/// is `payment_failed` (a later successful payment still confirms it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "version")]
pub enum PaymentFailed {
    #[serde(rename = "1")]
    V1 {
        order_id: String,
        payment_id: String,
    },
}

/// Whatever arrives on the `orders` queue; a confirmation is told apart by its amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OrdersMessage {
    Confirmed(PaymentConfirmed),
    Failed(PaymentFailed),
}

/// On the `mail` queue: one e-mail to render and send, at most once per `message_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "version")]
pub enum SendMail {
    #[serde(rename = "1")]
    V1 {
        message_id: String,
        template: String,
        to: String,
        locale: String,
        data: serde_json::Value,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payment_confirmation_carries_its_version_on_the_wire() {
        let message = PaymentConfirmed::V1 {
            order_id: "o-1".into(),
            payment_id: "p-1".into(),
            amount_cents: 4_900,
            currency: "EUR".into(),
        };
        let wire = serde_json::to_value(&message).unwrap();
        assert_eq!(wire["version"], "1");
        assert_eq!(wire["amount_cents"], 4_900);
        assert_eq!(
            serde_json::from_value::<PaymentConfirmed>(wire).unwrap(),
            message
        );
    }

    #[test]
    fn the_orders_queue_tells_a_confirmation_from_a_failure() {
        let confirmed = serde_json::json!({"version": "1", "order_id": "o-1", "payment_id": "p-1", "amount_cents": 4900, "currency": "EUR"});
        let failed = serde_json::json!({"version": "1", "order_id": "o-1", "payment_id": "p-1"});
        assert!(matches!(
            serde_json::from_value(confirmed).unwrap(),
            OrdersMessage::Confirmed(_)
        ));
        assert!(matches!(
            serde_json::from_value(failed).unwrap(),
            OrdersMessage::Failed(_)
        ));
    }

    #[test]
    fn an_unknown_version_is_refused() {
        let wire = serde_json::json!({"version": "9", "order_id": "o-1"});
        assert!(serde_json::from_value::<PaymentConfirmed>(wire).is_err());
    }
}
