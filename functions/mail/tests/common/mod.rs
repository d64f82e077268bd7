//! A mail function per test: its claims in its own table (from the template) on moto,
//! Mailgun stubbed with wiremock.
#![allow(dead_code, clippy::unwrap_used)]

use mail::adapters::{Deployed, deployed};
use serde_json::json;
use shared::messages::SendMail;
use shared::testing::dynamo;
use shared::testing::function::Settings;
use shared::testing::stubs::requests;
use std::collections::HashMap;
use wiremock::MockServer;

pub struct MailFn {
    pub app: Deployed,
    pub mailgun: MockServer,
}

impl MailFn {
    pub async fn start() -> Self {
        let mailgun = MockServer::start().await;
        let app = app(&mailgun.uri(), "mailgun-key").await;
        Self { app, mailgun }
    }

    /// The form of every mail Mailgun received.
    pub async fn sent(&self) -> Vec<HashMap<String, String>> {
        requests(&self.mailgun)
            .await
            .iter()
            .map(|request| form_urlencoded::parse(&request.body).into_owned().collect())
            .collect()
    }
}

/// A mail function talking to Mailgun at `base_url` with `key`.
pub async fn app(base_url: &str, key: &str) -> Deployed {
    let (_, table) = dynamo::table_from_template("MailTable").await;
    Settings::new(&table)
        .with(&[
            ("MAILGUN_BASE_URL", base_url),
            ("MAILGUN_DOMAIN", "mg.starjack.test"),
            ("MAILGUN_API_KEY", key),
            ("MAILGUN_TIMEOUT_MS", "1000"),
            ("MAIL_FROM", "Starjack <noreply@mg.starjack.test>"),
        ])
        .deploy(deployed)
        .await
}

/// The shipped mail for keycard `n`, to Anna.
pub fn shipped(n: u32) -> SendMail {
    SendMail::V1 {
        message_id: format!("keycard-shipped:kc-{n}"),
        template: "keycard-shipped".into(),
        to: "anna@example.com".into(),
        locale: "de".into(),
        data: json!({"name": "Anna <b>Muster</b>", "holder_name": "Anna", "keycard_id": format!("kc-{n}"), "serial_number": "204815973640"}),
    }
}
