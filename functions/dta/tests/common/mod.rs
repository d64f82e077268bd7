//! A fresh dta function per test: its own table in moto, SkiData stubbed by wiremock.
#![allow(dead_code)]

use dta::adapters::{Deployed, deployed};
use serde_json::{Value, json};
use shared::testing::function::{self, Answer, Settings};
use shared::testing::stubs::requests;
use shared::testing::{dynamo, events};
use std::time::Duration;
use wiremock::MockServer;

pub const USERNAME: &str = "starjack";
pub const PASSWORD: &str = "dta-secret";
pub const CONTRACTOR: &str = "C-4711";

pub struct Dta {
    pub app: Deployed,
    pub skidata: MockServer,
}

impl Dta {
    pub async fn start() -> Self {
        Self::start_with(&[]).await
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
        let (_, table) = dynamo::table_from_template("DtaTable").await;
        let app = Settings::new(&table)
            .set("SKIDATA_BASE_URL", base_url)
            .set("DTA_CREDENTIALS", credentials.to_string())
            .with(&[
                ("SKIDATA_TIMEOUT_MS", "300"),
                ("SKIDATA_RETRY_BASE_DELAY_MS", "1"),
                ("SKIDATA_RETRY_MAX_DELAY_MS", "5"),
                ("DTA_BOOKING_DEADLINE_MS", "400"),
                ("DTA_POLL_INTERVAL_MS", "20"),
            ])
            .with(settings)
            .deploy(deployed)
            .await;
        Self { app, skidata }
    }

    /// Sends `events/dta/<event>.json` with a service token and `body`.
    pub async fn call(&self, event: &str, body: Option<Value>) -> Answer {
        self.call_as(event, body, &function::service("liftoperator", "dta"))
            .await
    }

    pub async fn call_as(&self, event: &str, body: Option<Value>, token: &str) -> Answer {
        let request = function::request(&format!("dta/{event}.json"), body.as_ref(), Some(token));
        function::call(|request| self.app.handle(request), request).await
    }

    pub async fn requests_to(&self, method: &str, path: &str) -> usize {
        requests(&self.skidata)
            .await
            .iter()
            .filter(|r| r.method.as_str() == method && r.url.path() == path)
            .count()
    }

    /// Waits until SkiData has received `count` requests `method path`.
    pub async fn until_requested(&self, method: &str, path: &str, count: usize) {
        while self.requests_to(method, path).await < count {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
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
