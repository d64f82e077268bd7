//! A fresh axess function per test: its own table in moto, Axess stubbed by wiremock with
//! SOAP answers built here.
#![allow(dead_code)]

use axess::adapters::{AxessClient, DynamoStore};
use axess::config::AxessSettings;
use axess::handler::App;
use lambda_http::RequestExt;
use serde_json::{Value, json};
use shared::config::Env;
use shared::testing::{dynamo, events, tokens};
use shared::token::Role;
use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use wiremock::matchers::{header, method};
use wiremock::{Mock, MockBuilder, MockServer, ResponseTemplate};

pub const USERNAME: &str = "star<jack>&co";

pub struct AxessFn {
    pub app: App<AxessClient, DynamoStore>,
    pub axess: MockServer,
    pub dynamo: aws_sdk_dynamodb::Client,
    pub table: String,
}

pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl AxessFn {
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    /// An axess function whose configuration also holds `settings` (name, value).
    pub async fn start_with(settings: &[(&str, &str)]) -> Self {
        let axess = MockServer::start().await;
        let credentials = json!({"demo-axess": {"username": USERNAME, "password": "axess-secret"}});
        let url = format!("{}/dci4wtp", axess.uri());
        Self::configured(axess, &url, credentials, settings).await
    }

    /// An axess function talking to Axess at `url` (the stub stays unused otherwise).
    pub async fn against(axess: MockServer, url: &str, credentials: Value) -> Self {
        Self::configured(axess, url, credentials, &[]).await
    }

    async fn configured(
        axess: MockServer,
        url: &str,
        credentials: Value,
        settings: &[(&str, &str)],
    ) -> Self {
        let (client, table) = dynamo::table_from_template("AxessTable").await;
        let mut values = HashMap::from([
            ("TABLE_NAME".to_owned(), table.clone()),
            ("AUTH_ISSUER".to_owned(), tokens::ISSUER.to_owned()),
            (
                "AUTH_JWKS".to_owned(),
                serde_json::to_string(&tokens::jwks()).expect("jwks"),
            ),
            ("AXESS_BASE_URL".to_owned(), url.to_owned()),
            ("AXESS_CREDENTIALS".to_owned(), credentials.to_string()),
            ("AXESS_TIMEOUT_MS".to_owned(), "300".to_owned()),
        ]);
        values.extend(
            settings
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        let (settings, mut config) =
            AxessSettings::from_env(&Env::from_fn(move |name| values.get(name).cloned()))
                .expect("valid configuration");
        config.outbound.base_delay = std::time::Duration::from_millis(1);
        config.outbound.max_delay = std::time::Duration::from_millis(5);
        let store = DynamoStore::new(client.clone(), &table);
        let claims = store.claims(settings.lease);
        let app = App::new(
            AxessClient::new(config).expect("client"),
            store,
            claims,
            settings,
        );
        Self {
            app,
            axess,
            dynamo: client,
            table,
        }
    }

    pub async fn call(&self, event: &str, body: Option<Value>) -> Answer {
        self.call_as(event, body, &service_token()).await
    }

    pub async fn call_as(&self, event: &str, body: Option<Value>, token: &str) -> Answer {
        let bearer = format!("Bearer {token}");
        let request = events::http_request(
            &format!("axess/{event}.json"),
            body.as_ref(),
            &[("authorization", &bearer)],
        );
        self.answer(request).await
    }

    /// Calls as a service in a Lambda invocation that ends `left` from now.
    pub async fn call_before(&self, event: &str, body: Option<Value>, left: Duration) -> Answer {
        let bearer = format!("Bearer {}", service_token());
        let request = events::http_request(
            &format!("axess/{event}.json"),
            body.as_ref(),
            &[("authorization", &bearer)],
        );
        let mut context = lambda_http::Context::default();
        let deadline = SystemTime::now() + left;
        context.deadline = deadline
            .duration_since(UNIX_EPOCH)
            .expect("after the epoch")
            .as_millis() as u64;
        self.answer(request.with_lambda_context(context)).await
    }

    async fn answer(&self, request: lambda_http::Request) -> Answer {
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

    /// The bodies of the requests that called `operation`.
    pub async fn calls_of(&self, operation: &str) -> Vec<String> {
        let action = format!("\"urn:axess:dci4wtp#{operation}\"");
        self.axess
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .filter(|r| {
                r.headers
                    .get("soapaction")
                    .is_some_and(|v| v.as_bytes() == action.as_bytes())
            })
            .map(|r| String::from_utf8_lossy(&r.body).into_owned())
            .collect()
    }

    /// Waits until Axess has received `count` calls of `operation`.
    pub async fn until_called(&self, operation: &str, count: usize) {
        while self.calls_of(operation).await.len() < count {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Axess logs in with session `session_id` (POS 12).
    pub async fn logs_in(&self, session_id: u32) {
        operation("login")
            .respond_with(ok(
                "login",
                &format!("<NSESSIONID>{session_id}</NSESSIONID><NPOSNO>12</NPOSNO>"),
            ))
            .mount(&self.axess)
            .await;
    }
}

pub fn service_token() -> String {
    tokens::sign(&tokens::claims("liftoperator", "axess", &[Role::Service]))
}

/// A stub for one SOAP operation.
pub fn operation(name: &str) -> MockBuilder {
    Mock::given(method("POST")).and(header(
        "soapaction",
        format!("\"urn:axess:dci4wtp#{name}\"").as_str(),
    ))
}

fn envelope(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dci="urn:axess:dci4wtp"><soap:Body>{inner}</soap:Body></soap:Envelope>"#
    )
}

fn xml(status: u16, body: String) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body, "text/xml; charset=utf-8")
}

/// A successful answer to `operation` with `fields`.
pub fn ok(operation: &str, fields: &str) -> ResponseTemplate {
    xml(
        200,
        envelope(&format!(
            "<dci:{operation}Response><NERRORNO>0</NERRORNO><SZERRORMESSAGE/>{fields}</dci:{operation}Response>"
        )),
    )
}

/// A refusal inside a 200: `NERRORNO` and `SZERRORMESSAGE`.
pub fn refused(operation: &str, number: i64, message: &str) -> ResponseTemplate {
    xml(
        200,
        envelope(&format!(
            "<dci:{operation}Response><NERRORNO>{number}</NERRORNO><SZERRORMESSAGE>{message}</SZERRORMESSAGE></dci:{operation}Response>"
        )),
    )
}

/// A SOAP Fault with HTTP 500.
pub fn fault(message: &str) -> ResponseTemplate {
    xml(
        500,
        envelope(&format!(
            "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>{message}</faultstring></soap:Fault>"
        )),
    )
}

pub fn tariff(price: &str, person: &str) -> ResponseTemplate {
    ok(
        "getTariff",
        &format!(
            "<FTARIFF>{price}</FTARIFF><SZCURRENCY>EUR</SZCURRENCY><SZTICKETTYPENAME>Day pass</SZTICKETTYPENAME><SZPERSONTYPENAME>{person}</SZPERSONTYPENAME><NVALIDDAYS>1</NVALIDDAYS>"
        ),
    )
}

pub fn issued(serial: u32) -> ResponseTemplate {
    ok(
        "issueTicket",
        &format!(
            "<NPROJECTNO>4711</NPROJECTNO><NPOSNO>12</NPOSNO><NSERIALNO>{serial}</NSERIALNO><NJOURNALNO>{}</NJOURNALNO>",
            serial + 5000
        ),
    )
}

/// The booking of `events/axess/book.json` with `items` copies of its item, each on its own card.
pub fn booking(external_order_id: &str, items: usize) -> Value {
    let event = events::load("axess/book.json");
    let mut booking: Value =
        serde_json::from_str(event["body"].as_str().expect("body")).expect("json");
    let item = booking["items"][0].clone();
    booking["items"] = (0..items)
        .map(|n| {
            let mut item = item.clone();
            item["keycard"]["chip_id"] = format!("E00401500000000{n}").into();
            item
        })
        .collect();
    booking["external_order_id"] = external_order_id.into();
    booking
}
