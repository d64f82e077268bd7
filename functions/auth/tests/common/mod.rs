//! A fresh auth function per test, on its own table in moto, configured with the test keys.
#![allow(dead_code)]

use auth::adapters::{Deployed, deployed};
use serde_json::{Value, json};
use shared::digest::sha256_hex;
use shared::testing::function::{self, Answer, Settings};
use shared::testing::{dynamo, events, tokens};

pub const PASSWORD: &str = "correct horse battery";
pub const BOOTSTRAP_SECRET: &str = "let-me-in-once";
pub const ORDER_SECRET: &str = "order-client-secret";

pub struct Auth {
    pub app: Deployed,
}

/// Auth's settings with table `table`: the test signing key, one service client (order) and
/// the bootstrap secret.
pub fn settings(table: &str) -> Settings {
    let clients = json!({"order": {"secret_sha256": sha256_hex(ORDER_SECRET.as_bytes()), "audiences": ["liftoperator", "payment"]}});
    Settings::new(table)
        .with(&[
            ("AUTH_SIGNING_KEY", tokens::SIGNING_KEY_PEM),
            ("AUTH_SIGNING_KID", tokens::KID),
            ("AUTH_BOOTSTRAP_SECRET", BOOTSTRAP_SECRET),
        ])
        .set("AUTH_SERVICE_CLIENTS", clients.to_string())
}

impl Auth {
    pub async fn start() -> Self {
        Self::start_with(|settings| settings).await
    }

    /// An auth function whose settings `adjust` may change.
    pub async fn start_with(adjust: impl FnOnce(Settings) -> Settings) -> Self {
        let (_, table) = dynamo::table_from_template("AuthTable").await;
        let app = adjust(settings(&table)).deploy(deployed).await;
        Self { app }
    }

    /// Sends the sample event `events/auth/<event>.json` with `body` and `headers`.
    pub async fn call(&self, event: &str, body: Option<Value>, headers: &[(&str, &str)]) -> Answer {
        let request = events::http_request(&format!("auth/{event}.json"), body.as_ref(), headers);
        function::call(|request| self.app.handle(request), request).await
    }

    pub async fn signup(&self, email: &str) -> Answer {
        self.call(
            "signup",
            Some(json!({"email": email, "name": "Anna Berg", "password": PASSWORD})),
            &[],
        )
        .await
    }

    pub async fn login(&self, email: &str, password: &str) -> Answer {
        self.call(
            "login",
            Some(json!({"email": email, "password": password})),
            &[],
        )
        .await
    }

    /// Signs up and logs in; returns the login answer's body.
    pub async fn customer(&self, email: &str) -> Value {
        self.signup(email).await.assert_status(201);
        let login = self.login(email, PASSWORD).await;
        login.assert_status(200);
        login.body
    }

    pub async fn refresh(&self, token: &str) -> Answer {
        self.call("refresh", Some(json!({"refresh_token": token})), &[])
            .await
    }

    pub async fn me(&self, access_token: &str) -> Answer {
        let bearer = format!("Bearer {access_token}");
        self.call("me", None, &[("authorization", &bearer)]).await
    }
}

pub fn text(value: &Value) -> String {
    value.as_str().expect("a string").to_owned()
}
