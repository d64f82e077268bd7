//! A fresh payment function per test: its own table and orders queue in moto, Mpay24 stubbed
//! by wiremock with ETP answers built here.
#![allow(dead_code)]

use payment::adapters::{Deployed, deployed};
use serde_json::{Value, json};
use shared::testing::function::{self, Answer, Settings};
use shared::testing::stubs::requests;
use shared::testing::{dynamo, events, queue};
use wiremock::matchers::{body_string_contains, method};
use wiremock::{Mock, MockBuilder, MockServer, ResponseTemplate};

pub const ORDER: &str = "ord-2026-000123";
pub const MPAY_TID: &str = "5300518741";

pub struct PaymentFn {
    pub app: Deployed,
    pub mpay24: MockServer,
    pub sqs: aws_sdk_sqs::Client,
    pub queue_url: String,
}

impl PaymentFn {
    pub async fn start() -> Self {
        let mpay24 = MockServer::start().await;
        let uri = mpay24.uri();
        Self::against(mpay24, &uri, "99999", "mpay24-secret").await
    }

    /// A payment function talking to Mpay24 at `base_url` (the stub stays unused otherwise).
    pub async fn against(
        mpay24: MockServer,
        base_url: &str,
        merchant: &str,
        password: &str,
    ) -> Self {
        let (_, table) = dynamo::table_from_template("PaymentTable").await;
        let (sqs, queue_url) = queue::fresh("orders").await;
        let app = Settings::new(&table)
            .set("ORDERS_QUEUE_URL", queue_url.clone())
            .set("MPAY24_BASE_URL", base_url)
            .set("MPAY24_MERCHANT_ID", merchant)
            .set("MPAY24_PASSWORD", password)
            .set("MPAY24_TIMEOUT_MS", "500")
            .set("MPAY24_RETRY_BASE_DELAY_MS", "1")
            .set("MPAY24_RETRY_MAX_DELAY_MS", "5")
            .set("SHOP_BASE_URL", "https://shop.starjack.test")
            .set("API_BASE_URL", "https://api.starjack.test")
            .deploy(deployed)
            .await;
        Self {
            app,
            mpay24,
            sqs,
            queue_url,
        }
    }

    /// Sends `events/payment/<event>.json` as the order service, with `body`.
    pub async fn call(&self, event: &str, body: Option<Value>) -> Answer {
        let token = function::service("order", "payment");
        self.call_as(event, body, Some(&token)).await
    }

    pub async fn call_as(&self, event: &str, body: Option<Value>, token: Option<&str>) -> Answer {
        let request = function::request(&format!("payment/{event}.json"), body.as_ref(), token);
        self.answer(request).await
    }

    /// Mpay24's callback for `order` claiming `status` (and whatever else `query` overrides).
    pub async fn callback(&self, order: &str, status: &str) -> Answer {
        let mut event = events::load("payment/confirmation.json");
        event["queryStringParameters"]["TID"] = order.into();
        event["queryStringParameters"]["STATUS"] = status.into();
        self.answer(events::request_from(event, None)).await
    }

    pub async fn answer(&self, request: lambda_http::Request) -> Answer {
        function::call(|request| self.app.handle(request), request).await
    }

    /// Starts the payment of `ORDER` for 49.90 EUR (Mpay24 answering `SelectPayment`).
    pub async fn started(&self) {
        operation("SelectPayment")
            .respond_with(etp(
                "SelectPayment",
                &format!("<status>OK</status><returnCode>REDIRECT</returnCode><mpayTID>{MPAY_TID}</mpayTID><location>https://pay.test/{MPAY_TID}</location>"),
            ))
            .mount(&self.mpay24)
            .await;
        let started = self.call("start", None).await;
        started.assert_status(201);
    }

    /// Mpay24 says the transaction of `ORDER` is `status` for `cents` EUR.
    pub async fn mpay24_says(&self, status: &str, cents: i64) {
        operation("TransactionStatus")
            .respond_with(transaction_status(ORDER, status, cents))
            .mount(&self.mpay24)
            .await;
    }

    /// The messages on the orders queue (taken off it).
    pub async fn told(&self) -> Vec<Value> {
        queue::drain(&self.sqs, &self.queue_url).await
    }

    /// The SOAP bodies Mpay24 received for `operation`.
    pub async fn calls_of(&self, operation: &str) -> Vec<String> {
        let element = format!(":{operation}>");
        requests(&self.mpay24)
            .await
            .iter()
            .map(|r| String::from_utf8_lossy(&r.body).into_owned())
            .filter(|body| body.contains(&element))
            .collect()
    }
}

/// A stub for one ETP operation.
pub fn operation(name: &str) -> MockBuilder {
    Mock::given(method("POST")).and(body_string_contains(format!(":{name}>")))
}

/// An ETP answer to `operation` holding `fields`.
pub fn etp(operation: &str, fields: &str) -> ResponseTemplate {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:etp="https://www.mpay24.com/soap/etp/1.5/ETP.wsdl"><SOAP-ENV:Body><etp:{operation}Response>{fields}</etp:{operation}Response></SOAP-ENV:Body></SOAP-ENV:Envelope>"#
    );
    ResponseTemplate::new(200).set_body_raw(xml, "text/xml; charset=utf-8")
}

/// `TransactionStatus` of `tid`: `status` for `cents` EUR.
pub fn transaction_status(tid: &str, status: &str, cents: i64) -> ResponseTemplate {
    let parameter = |name: &str, value: &str| {
        format!("<parameter><name>{name}</name><value>{value}</value></parameter>")
    };
    let fields = [
        parameter("OPERATION", "CONFIRMATION"),
        parameter("TID", tid),
        parameter("STATUS", status),
        parameter("PRICE", &cents.to_string()),
        parameter("CURRENCY", "EUR"),
        parameter("MPAYTID", MPAY_TID),
    ]
    .concat();
    etp(
        "TransactionStatus",
        &format!("<status>OK</status><returnCode>OK</returnCode>{fields}"),
    )
}

/// An ETP refusal of `operation` with `code`.
pub fn refused(operation: &str, code: &str) -> ResponseTemplate {
    etp(
        operation,
        &format!("<status>ERROR</status><returnCode>{code}</returnCode><errText>refused</errText>"),
    )
}

pub fn refund(refund_id: &str, cents: i64) -> Value {
    json!({"refund_id": refund_id, "amount_cents": cents})
}
