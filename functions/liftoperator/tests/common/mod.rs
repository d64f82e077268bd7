//! A fresh liftoperator function per test: its own table in moto, and one wiremock server
//! standing in for our API (auth's token endpoint and the dta and axess adapters).
#![allow(dead_code)]

use liftoperator::adapters::{Deployed, deployed};
use serde_json::{Value, json};
use shared::testing::dynamo;
use shared::testing::function::{self, Answer, Settings};
use shared::testing::stubs::requests;
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub struct Facade {
    pub app: Deployed,
    pub api: MockServer,
}

pub use function::admin;

pub fn customer() -> String {
    function::customer("user-1")
}

pub fn order_service() -> String {
    function::service("order", "liftoperator")
}

/// The DTA demo operator, as an admin creates it.
pub fn dta_operator() -> Value {
    json!({"id": "hochalm", "name": "Hochalm Bergbahnen", "region": "Tirol",
           "location": {"lat": 47.2692, "lng": 11.4041},
           "provider": {"type": "dta", "credentials": "demo-dta"}})
}

/// The Axess demo operator, as an admin creates it.
pub fn axess_operator() -> Value {
    json!({"id": "gipfelbahn", "name": "Gipfelbahn Schneeberg", "region": "Salzburg",
           "location": {"lat": 47.3, "lng": 12.8},
           "provider": {"type": "axess", "credentials": "demo-axess", "pool_no": 1, "ticket_types": [10],
                        "person_types": [{"person_type_no": 1, "category": "adult"}, {"person_type_no": 2, "category": "child"}]}})
}

impl Facade {
    pub async fn start() -> Self {
        let api = MockServer::start().await;
        for audience in ["dta", "axess"] {
            Mock::given(method("POST"))
                .and(path("/auth/token"))
                .and(body_partial_json(json!({"client_id": "liftoperator", "audience": audience})))
                .respond_with(ResponseTemplate::new(200).set_body_json(
                    json!({"access_token": format!("token-{audience}"), "token_type": "Bearer", "expires_in": 900}),
                ))
                .mount(&api)
                .await;
        }
        let uri = api.uri();
        Self::build(api, &uri).await
    }

    /// A facade whose API (auth and the adapters) is at `api_base_url`; its stub stays unused.
    pub async fn start_at(api_base_url: &str) -> Self {
        Self::build(MockServer::start().await, api_base_url).await
    }

    async fn build(api: MockServer, api_base_url: &str) -> Self {
        let (_, table) = dynamo::table_from_template("LiftoperatorTable").await;
        let app = Settings::new(&table)
            .set("API_BASE_URL", api_base_url)
            .with(&[
                ("SERVICE_CLIENT_ID", "liftoperator"),
                ("SERVICE_CLIENT_SECRET", "liftoperator-secret"),
                ("ADAPTER_TIMEOUT_MS", "500"),
            ])
            .deploy(deployed)
            .await;
        Self { app, api }
    }

    /// Sends `events/liftoperator/<event>.json` for operator `id` (and booking `order`), with
    /// `body` and the bearer `token`.
    pub async fn call(
        &self,
        event: &str,
        id: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> Answer {
        let event = format!("liftoperator/{event}.json");
        let request = function::request_at(&event, &[("id", id)], body.as_ref(), token);
        self.answer(request).await
    }

    /// Sends a booking event for operator `id` and external order id `order`.
    pub async fn call_booking(&self, event: &str, id: &str, order: &str, token: &str) -> Answer {
        let event = format!("liftoperator/{event}.json");
        let path = [("id", id), ("externalOrderId", order)];
        self.answer(function::request_at(&event, &path, None, Some(token)))
            .await
    }

    async fn answer(&self, request: lambda_http::Request) -> Answer {
        function::call(|request| self.app.handle(request), request).await
    }

    /// Creates both demo operators as an admin.
    pub async fn with_demo_operators(&self) {
        for operator in [dta_operator(), axess_operator()] {
            let answer = self
                .call("create-operator", "", Some(operator), Some(&admin()))
                .await;
            answer.assert_status(201);
        }
    }

    /// Requests that reached the adapters (not auth).
    pub async fn adapter_requests(&self) -> Vec<wiremock::Request> {
        requests(&self.api)
            .await
            .into_iter()
            .filter(|r| !r.url.path().starts_with("/auth/"))
            .collect()
    }
}

pub fn dta_products() -> Value {
    json!({"date": "2026-12-24", "products": [
        {"product_id": "DAY", "consumer_category_id": "ADULT", "name": "Day pass", "category": "adult",
         "category_name": "Adult", "validity_days": 1, "price": {"amount_cents": 5950, "currency": "EUR"}},
        {"product_id": "DAY", "consumer_category_id": "CHILD", "name": "Day pass", "category": "child",
         "category_name": "Child", "validity_days": 1, "price": {"amount_cents": 3000, "currency": "EUR"}}]})
}

pub fn axess_products() -> Value {
    json!({"date": "2026-12-24", "products": [
        {"pool_no": 1, "ticket_type_no": 10, "person_type_no": 1, "name": "Day pass", "person_type_name": "Erwachsene",
         "validity_days": 1, "price": {"amount_cents": 5400, "currency": "EUR"}},
        {"pool_no": 1, "ticket_type_no": 10, "person_type_no": 2, "name": "Day pass", "person_type_name": "Kinder",
         "validity_days": 1, "price": {"amount_cents": 2700, "currency": "EUR"}}]})
}

pub fn keycard() -> Value {
    json!({"chip_id": "E0040150C3A1B2C4", "serial_number": "12-3456789-01", "luhn_number": "4012888888881881"})
}
