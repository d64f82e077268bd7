//! A fresh maps function per test: its own table in moto, and wiremock servers standing in
//! for our API (liftoperator's registry) and Google.
#![allow(dead_code)]

use maps::adapters::{Deployed, deployed};
use serde_json::{Value, json};
use shared::testing::dynamo;
use shared::testing::function::{self, Answer, Settings};
use shared::testing::stubs::requests;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const MATRIX: &str = "/maps/api/distancematrix/json";

pub struct Maps {
    pub app: Deployed,
    pub google: MockServer,
    /// Held for the test's length: a dropped stub goes back to wiremock's pool, and another
    /// test that takes it resets its mocks.
    registry: MockServer,
}

/// Google's matrix of one pair whose element is `element`.
pub fn matrix(element: Value) -> Value {
    json!({"origin_addresses": ["47.27,11.39"], "destination_addresses": ["47.0127,10.2919"],
           "rows": [{"elements": [element]}], "status": "OK"})
}

/// An element of a route of 115 km and 99 minutes (104 in traffic).
pub fn route() -> Value {
    json!({"status": "OK", "distance": {"text": "115 km", "value": 115_470},
           "duration": {"text": "1 hour 39 mins", "value": 5938},
           "duration_in_traffic": {"text": "1 hour 44 mins", "value": 6240}})
}

impl Maps {
    /// The function; `arlberg` is an active operator, every other id unknown.
    pub async fn start() -> Self {
        let google = MockServer::start().await;
        let registry = MockServer::start().await;
        let arlberg = json!({"id": "arlberg", "name": "Arlberg Lifte", "region": "Tirol",
                             "location": {"lat": 47.0127, "lng": 10.2919}, "provider": "axess"});
        Mock::given(method("GET"))
            .and(path("/liftoperators/arlberg"))
            .respond_with(ResponseTemplate::new(200).set_body_json(arlberg))
            .mount(&registry)
            .await;
        let (_, table) = dynamo::table_from_template("MapsTable").await;
        let (registry_uri, google_uri) = (registry.uri(), google.uri());
        let settings = Settings::new(&table).with(&[
            ("API_BASE_URL", registry_uri.as_str()),
            ("GOOGLE_MAPS_BASE_URL", google_uri.as_str()),
            ("GOOGLE_MAPS_API_KEY", "test-key"),
            ("GOOGLE_MAPS_TIMEOUT_MS", "300"),
        ]);
        let app = settings.deploy(deployed).await;
        Self {
            app,
            google,
            registry,
        }
    }

    /// Google answers `body` from now on.
    pub async fn google_answers(&self, body: Value) {
        Mock::given(method("GET"))
            .and(path(MATRIX))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&self.google)
            .await;
    }

    /// The requests Google received.
    pub async fn google_requests(&self) -> Vec<wiremock::Request> {
        requests(&self.google).await
    }

    /// `GET /maps/{operator}/travel` with `query`.
    pub async fn travel(&self, operator: &str, query: &[(&str, &str)]) -> Answer {
        let at = [("operator_id", operator)];
        let request = function::request_query("maps/travel.json", &at, query, None);
        function::call(|request| self.app.handle(request), request).await
    }

    /// `GET /maps/{operator}`.
    pub async fn place(&self, operator: &str) -> Answer {
        let at = [("operator_id", operator)];
        let request = function::request_at("maps/operator.json", &at, None, None);
        function::call(|request| self.app.handle(request), request).await
    }
}
