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
    fn an_unknown_version_is_refused() {
        let wire = serde_json::json!({"version": "9", "order_id": "o-1"});
        assert!(serde_json::from_value::<PaymentConfirmed>(wire).is_err());
    }
}
