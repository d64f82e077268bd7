//! A keycards function per test: its own table (from the template) and mail queue on moto,
//! the supplier and auth stubbed with wiremock.
#![allow(dead_code, clippy::unwrap_used)]

use keycards::adapters::{Deployed, deployed};
use keycards::domain::Signature;
use serde_json::{Value, json};
use shared::messages::SendMail;
use shared::testing::function::{Answer, Settings, call, request};
use shared::testing::{dynamo, stubs};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const SECRET: &str = "webhook-secret";
pub const CARD_ORDER_ID: &str = "KC-00000000000000A1";

pub struct Keycards {
    pub app: Deployed,
    pub supplier: MockServer,
    pub auth: MockServer,
    pub sqs: aws_sdk_sqs::Client,
    pub queue_url: String,
}

/// A valid order body.
pub fn order() -> Value {
    json!({"holder_name": "Anna Muster", "birth_date": "1990-02-28",
           "shipping_address": {"street": "Main St 1", "postal_code": "6020", "city": "Innsbruck", "country": "AT"}})
}

/// The supplier's answer for an order or a card in `status`.
pub fn card(status: &str) -> Value {
    let mut card = json!({"cardOrderId": CARD_ORDER_ID, "status": status});
    if matches!(status, "PRODUCED" | "SHIPPED") {
        card["chipId"] = json!("E004A1B2C3D4E5F6");
        card["serialNumber"] = json!("204815973640");
        card["luhnNumber"] = json!("9276000012345678903");
    }
    card
}

impl Keycards {
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    /// A function with these settings on top of the test's own.
    pub async fn start_with(extra: &[(&str, &str)]) -> Self {
        let (_, table) = dynamo::table_from_template("KeycardsTable").await;
        let supplier = MockServer::start().await;
        let auth = MockServer::start().await;
        stubs::auth(&auth, "anna@example.com", "Anna Muster").await;
        let (sqs, queue_url) = shared::testing::queue::fresh("mail").await;
        let app = Settings::new(&table)
            .with(&[
                ("KEYCARD_SUPPLIER_BASE_URL", supplier.uri().as_str()),
                ("KEYCARD_SUPPLIER_KEY", "supplier-key"),
                ("KEYCARD_SUPPLIER_TIMEOUT_MS", "1000"),
                ("KEYCARD_WEBHOOK_SECRET", SECRET),
                ("MAIL_QUEUE_URL", queue_url.as_str()),
                ("API_BASE_URL", auth.uri().as_str()),
                ("SERVICE_CLIENT_ID", "keycards"),
                ("SERVICE_CLIENT_SECRET", "keycards-secret"),
            ])
            .with(extra)
            .deploy(deployed)
            .await;
        Self {
            app,
            supplier,
            auth,
            sqs,
            queue_url,
        }
    }

    /// The supplier takes every order.
    pub async fn supplier_accepts_orders(&self) {
        Mock::given(method("POST"))
            .and(path("/v1/cards"))
            .respond_with(ResponseTemplate::new(201).set_body_json(card("RECEIVED")))
            .mount(&self.supplier)
            .await;
    }

    /// Sends the sample event `events/keycards/<event>.json` with `body` and `token`.
    pub async fn call(&self, event: &str, body: Option<&Value>, token: Option<&str>) -> Answer {
        let request = request(&format!("keycards/{event}.json"), body, token);
        call(|r| self.app.handle(r), request).await
    }

    /// Reads keycard `id` with `token`.
    pub async fn read(&self, id: &str, token: &str) -> Answer {
        let mut event = shared::testing::events::load("keycards/read.json");
        event["pathParameters"]["keycard_id"] = json!(id);
        event["rawPath"] = json!(format!("/keycards/{id}"));
        event["headers"]["authorization"] = json!(format!("Bearer {token}"));
        let request = shared::testing::events::request_from(event, None);
        call(|r| self.app.handle(r), request).await
    }

    /// Posts `body` to the webhook with `headers`.
    pub async fn webhook_with(&self, body: &str, headers: &[(&str, &str)]) -> Answer {
        let mut event = shared::testing::events::load("keycards/webhook.json");
        event["body"] = json!(body);
        for name in ["x-timestamp", "x-signature"] {
            event["headers"].as_object_mut().unwrap().remove(name);
        }
        for (name, value) in headers {
            event["headers"][*name] = json!(value);
        }
        let request = shared::testing::events::request_from(event, None);
        call(|r| self.app.handle(r), request).await
    }

    /// Posts the supplier's event for `keycard_id` in `status`, signed as the supplier does.
    pub async fn webhook(&self, keycard_id: &str, status: &str) -> Answer {
        let body = event(keycard_id, status);
        let now = now().to_string();
        let signature = Signature::new(SECRET).sign(&now, body.as_bytes());
        self.webhook_with(
            &body,
            &[
                ("x-timestamp", now.as_str()),
                ("x-signature", signature.as_str()),
            ],
        )
        .await
    }

    /// Every mail queued so far, taken off the queue.
    pub async fn mails(&self) -> Vec<SendMail> {
        shared::testing::queue::drain(&self.sqs, &self.queue_url).await
    }
}

/// The supplier's status event for `keycard_id`, as raw JSON text.
pub fn event(keycard_id: &str, status: &str) -> String {
    let mut event = card(status);
    event["externalId"] = json!(keycard_id);
    event["occurredAt"] = json!("2026-11-30T10:00:00Z");
    event.to_string()
}

pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// The template and recipient of each mail.
pub fn summary(mails: &[SendMail]) -> Vec<(String, String)> {
    mails
        .iter()
        .map(|SendMail::V1 { template, to, .. }| (template.clone(), to.clone()))
        .collect()
}
