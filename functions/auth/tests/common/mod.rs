//! A fresh auth function per test, on its own table in moto, configured with the test keys.
#![allow(dead_code)]

use auth::adapters::DynamoStore;
use auth::config::AuthConfig;
use auth::handler::App;
use serde_json::{Value, json};
use shared::config::Env;
use shared::digest::sha256_hex;
use shared::testing::{dynamo, events, tokens};
use std::collections::HashMap;

pub const PASSWORD: &str = "correct horse battery";
pub const BOOTSTRAP_SECRET: &str = "let-me-in-once";
pub const ORDER_SECRET: &str = "order-client-secret";

pub struct Auth {
    pub app: App<DynamoStore>,
}

pub struct Answer {
    pub status: u16,
    pub body: Value,
}

pub fn settings(table: &str) -> HashMap<String, String> {
    let clients = json!({"order": {"secret_sha256": sha256_hex(ORDER_SECRET.as_bytes()), "audiences": ["liftoperator", "payment"]}});
    HashMap::from([
        ("TABLE_NAME".into(), table.into()),
        ("AUTH_ISSUER".into(), tokens::ISSUER.into()),
        (
            "AUTH_JWKS".into(),
            serde_json::to_string(&tokens::jwks()).expect("jwks serialise"),
        ),
        ("AUTH_SIGNING_KEY".into(), tokens::SIGNING_KEY_PEM.into()),
        ("AUTH_SIGNING_KID".into(), tokens::KID.into()),
        ("AUTH_SERVICE_CLIENTS".into(), clients.to_string()),
        ("AUTH_BOOTSTRAP_SECRET".into(), BOOTSTRAP_SECRET.into()),
    ])
}

impl Auth {
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    /// An auth function whose settings `adjust` may change.
    pub async fn start_with(adjust: impl FnOnce(&mut HashMap<String, String>)) -> Self {
        let (client, table) = dynamo::table_from_template("AuthTable").await;
        let mut values = settings(&table);
        adjust(&mut values);
        let config = AuthConfig::from_env(&Env::from_fn(move |name| values.get(name).cloned()))
            .expect("test configuration is valid");
        Self {
            app: App::new(DynamoStore::new(client, table), config),
        }
    }

    /// Sends the sample event `events/auth/<event>.json` with `body` and `headers`.
    pub async fn call(&self, event: &str, body: Option<Value>, headers: &[(&str, &str)]) -> Answer {
        let request = events::http_request(&format!("auth/{event}.json"), body.as_ref(), headers);
        let response = shared::http::serve(&|request| self.app.handle(request), request).await;
        let bytes = response.body().as_ref();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(bytes).expect("the answer is JSON")
        };
        Answer {
            status: response.status().as_u16(),
            body,
        }
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
        assert_eq!(self.signup(email).await.status, 201);
        let login = self.login(email, PASSWORD).await;
        assert_eq!(login.status, 200, "{}", login.body);
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
