//! A fresh axess function per test: its own table in moto, Axess stubbed by wiremock with
//! SOAP answers built here.
#![allow(dead_code)]

use axess::adapters::{Deployed, deployed};
use serde_json::{Value, json};
use shared::testing::function::{self, Answer, Settings};
use shared::testing::stubs::requests;
use shared::testing::{dynamo, events};
use std::time::Duration;
use wiremock::matchers::{header, method};
use wiremock::{Mock, MockBuilder, MockServer, ResponseTemplate};

pub const USERNAME: &str = "star<jack>&co";

pub struct AxessFn {
    pub app: Deployed,
    pub axess: MockServer,
    pub dynamo: aws_sdk_dynamodb::Client,
    pub table: String,
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
        let app = Settings::new(&table)
            .set("AXESS_BASE_URL", url)
            .set("AXESS_CREDENTIALS", credentials.to_string())
            .set("AXESS_TIMEOUT_MS", "300")
            .set("AXESS_RETRY_BASE_DELAY_MS", "1")
            .set("AXESS_RETRY_MAX_DELAY_MS", "5")
            .with(settings)
            .deploy(deployed)
            .await;
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
        self.answer(request(event, body, token)).await
    }

    /// Calls as a service in a Lambda invocation that ends `left` from now.
    pub async fn call_before(&self, event: &str, body: Option<Value>, left: Duration) -> Answer {
        let request = request(event, body, &service_token());
        self.answer(function::within(request, left)).await
    }

    async fn answer(&self, request: lambda_http::Request) -> Answer {
        function::call(|request| self.app.handle(request), request).await
    }

    /// The bodies of the requests that called `operation`.
    pub async fn calls_of(&self, operation: &str) -> Vec<String> {
        let action = format!("\"urn:axess:dci4wtp#{operation}\"");
        requests(&self.axess)
            .await
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

fn request(event: &str, body: Option<Value>, token: &str) -> lambda_http::Request {
    function::request(&format!("axess/{event}.json"), body.as_ref(), Some(token))
}

pub fn service_token() -> String {
    function::service("liftoperator", "axess")
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
