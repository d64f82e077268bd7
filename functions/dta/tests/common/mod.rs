//! A fresh dta function per test: its own table in moto, SkiData stubbed by wiremock.
#![allow(dead_code)]

use dta::adapters::{DynamoStore, SkidataClient};
use dta::config::DtaConfig;
use dta::handler::App;
use serde_json::{Value, json};
use shared::config::Env;
use shared::testing::{dynamo, events, tokens};
use shared::token::Role;
use std::collections::HashMap;
use wiremock::MockServer;

pub const USERNAME: &str = "starjack";
pub const PASSWORD: &str = "dta-secret";
pub const CONTRACTOR: &str = "C-4711";

pub struct Dta {
    pub app: App<SkidataClient, DynamoStore>,
    pub skidata: MockServer,
}

pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Dta {
    pub async fn start() -> Self {
        let skidata = MockServer::start().await;
        let credentials = json!({"demo-dta": {"username": USERNAME, "password": PASSWORD, "contractor_id": CONTRACTOR}});
        let uri = skidata.uri();
        Self::against(skidata, &uri, credentials, &[]).await
    }

    /// A dta function whose configuration also holds `settings` (name, value).
    pub async fn start_with(settings: &[(&str, &str)]) -> Self {
        let skidata = MockServer::start().await;
        let credentials = json!({"demo-dta": {"username": USERNAME, "password": PASSWORD, "contractor_id": CONTRACTOR}});
        let uri = skidata.uri();
        Self::against(skidata, &uri, credentials, settings).await
    }

    /// A dta function talking to SkiData at `base_url` (the stub stays unused otherwise), its
    /// configuration also holding `settings`.
    pub async fn against(
        skidata: MockServer,
        base_url: &str,
        credentials: Value,
        settings: &[(&str, &str)],
    ) -> Self {
        let (client, table) = dynamo::table_from_template("DtaTable").await;
        let mut values = HashMap::from([
            ("TABLE_NAME".to_owned(), table.clone()),
            ("AUTH_ISSUER".to_owned(), tokens::ISSUER.to_owned()),
            (
                "AUTH_JWKS".to_owned(),
                serde_json::to_string(&tokens::jwks()).expect("jwks"),
            ),
            ("SKIDATA_BASE_URL".to_owned(), base_url.to_owned()),
            ("DTA_CREDENTIALS".to_owned(), credentials.to_string()),
            ("SKIDATA_TIMEOUT_MS".to_owned(), "300".to_owned()),
            ("DTA_BOOKING_DEADLINE_MS".to_owned(), "400".to_owned()),
            ("DTA_POLL_INTERVAL_MS".to_owned(), "20".to_owned()),
        ]);
        values.extend(
            settings
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        let (config, mut skidata_config) =
            DtaConfig::from_env(&Env::from_fn(move |name| values.get(name).cloned()))
                .expect("valid configuration");
        skidata_config.outbound.base_delay = std::time::Duration::from_millis(1);
        skidata_config.outbound.max_delay = std::time::Duration::from_millis(5);
        let store = DynamoStore::new(client, table);
        let claims = store.claims(config.lease);
        let app = App::new(
            SkidataClient::new(skidata_config).expect("client"),
            store,
            claims,
            config,
        );
        Self { app, skidata }
    }

    /// Sends `events/dta/<event>.json` with a service token, `body` and extra `headers`.
    pub async fn call(&self, event: &str, body: Option<Value>) -> Answer {
        let token = service_token();
        self.call_as(event, body, &token).await
    }

    pub async fn call_as(&self, event: &str, body: Option<Value>, token: &str) -> Answer {
        let bearer = format!("Bearer {token}");
        let request = events::http_request(
            &format!("dta/{event}.json"),
            body.as_ref(),
            &[("authorization", &bearer)],
        );
        let response = shared::http::serve(&|request| self.app.handle(request), request).await;
        let bytes = response.body().as_ref();
        Answer {
            status: response.status().as_u16(),
            body: if bytes.is_empty() {
                Value::Null
            } else {
                serde_json::from_slice(bytes).expect("JSON answer")
            },
        }
    }

    pub async fn requests_to(&self, method: &str, path: &str) -> usize {
        self.skidata
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .filter(|r| r.method.as_str() == method && r.url.path() == path)
            .count()
    }

    /// Waits until SkiData has received `count` requests `method path`.
    pub async fn until_requested(&self, method: &str, path: &str, count: usize) {
        while self.requests_to(method, path).await < count {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
}

pub fn service_token() -> String {
    tokens::sign(&tokens::claims("liftoperator", "dta", &[Role::Service]))
}

/// The booking of `events/dta/book.json`, as sent.
pub fn booking(external_order_id: &str) -> Value {
    let event = events::load("dta/book.json");
    let mut booking: Value =
        serde_json::from_str(event["body"].as_str().expect("body")).expect("json");
    booking["external_order_id"] = external_order_id.into();
    booking
}

/// SkiData's product list for one day: a day pass for adults and children.
pub fn products_answer() -> Value {
    json!({"products": [{
    "id": "DAY", "name": "Day pass", "validity": {"unit": "DAY", "value": 1},
    "consumerCategories": [
        {"id": "ADULT", "name": "Adult", "price": {"amountGross": 59.5, "amountNet": 54.09, "currencyCode": "EUR"}},
        {"id": "CHILD", "name": "Child", "price": {"amountGross": 30, "amountNet": 27.27, "currencyCode": "EUR"}}
    ]}]})
}

pub fn accepted(order_id: &str) -> Value {
    json!({"orderId": order_id, "confirmationNumber": "CN-1", "asynchronousExecutionToken": {"executionId": "ex-1"}})
}

pub fn order(order_id: &str, status: &str) -> Value {
    json!({"orderId": order_id, "externalOrderId": "ord-1", "status": status})
}
