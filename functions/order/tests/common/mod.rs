//! A fresh order function per test: its own table in moto, and one wiremock server standing in
//! for our API (auth's token endpoint, the facade, keycards and payment).
#![allow(dead_code)]

use order::adapters::{Deployed, processor};
use serde_json::{Value, json};
use shared::messages::{OrdersMessage, PaymentConfirmed};
use shared::testing::function::{self, Answer, Settings};
use shared::testing::stubs::{self, requests};
use shared::testing::{buckets, dynamo, queue};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const USER: &str = "user-1";
pub const DAY: &str = "2027-01-15";

pub struct OrderFn {
    pub app: Deployed,
    pub api: MockServer,
    sqs: aws_sdk_sqs::Client,
    mail_url: String,
}

impl OrderFn {
    /// An order function whose API answers tokens, prices, user-1's produced keycards
    /// `k-1` and `k-2`, and payment sessions.
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    pub async fn start_with(settings: &[(&str, &str)]) -> Self {
        let api = MockServer::start().await;
        stubs::auth(&api, "anna@example.com", "Anna Berg").await;
        Mock::given(method("GET"))
            .and(path("/liftoperators/hochalm/products"))
            .respond_with(ResponseTemplate::new(200).set_body_json(products()))
            .mount(&api)
            .await;
        for keycard in ["k-1", "k-2"] {
            Mock::given(method("GET"))
                .and(path(format!("/keycards/{keycard}")))
                .respond_with(
                    ResponseTemplate::new(200).set_body_json(keycard_of(keycard, USER, "produced")),
                )
                .mount(&api)
                .await;
        }
        Mock::given(method("POST"))
            .and(path("/payments"))
            .respond_with(
                ResponseTemplate::new(201).set_body_json(
                    json!({"redirect_url": "https://pay.test/1", "status": "pending"}),
                ),
            )
            .mount(&api)
            .await;
        let (_, table) = dynamo::table_from_template("OrderTable").await;
        let (_, bucket) = buckets::fresh().await;
        let (sqs, mail_url) = queue::fresh("mail").await;
        let app = Settings::new(&table)
            .set("API_BASE_URL", api.uri())
            .set("INVOICE_BUCKET", bucket)
            .set("MAIL_QUEUE_URL", mail_url.clone())
            .with(&[
                ("SELLER_NAME", "Starjack GmbH"),
                (
                    "SELLER_ADDRESS",
                    "Maria-Theresien-Strasse 1, 6020 Innsbruck",
                ),
                ("SELLER_VAT_ID", "ATU12345678"),
            ])
            .with(&[
                ("SERVICE_CLIENT_ID", "order"),
                ("SERVICE_CLIENT_SECRET", "order-secret"),
                ("API_TIMEOUT_MS", "500"),
            ])
            .with(settings)
            .deploy(processor)
            .await;
        Self {
            app,
            api,
            sqs,
            mail_url,
        }
    }

    /// Sends `events/order/<event>.json` as `user`, with `body` and the order id `id`.
    pub async fn call(&self, event: &str, user: &str, id: &str, body: Option<Value>) -> Answer {
        self.call_with(event, user, id, body, &[]).await
    }

    pub async fn call_with(
        &self,
        event: &str,
        user: &str,
        id: &str,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Answer {
        let token = function::customer(user);
        let mut request = function::request_at(
            &format!("order/{event}.json"),
            &[("order_id", id)],
            body.as_ref(),
            Some(&token),
        );
        for (name, value) in headers {
            request.headers_mut().insert(
                http::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
                http::HeaderValue::from_str(value).expect("a header value"),
            );
        }
        function::call(|request| self.app.handle(request), request).await
    }

    /// The bytes of user-1's invoice of `order_id`.
    pub async fn invoice_pdf(&self, order_id: &str) -> Vec<u8> {
        let token = function::customer(USER);
        let request = function::request_at(
            "order/invoice.json",
            &[("order_id", order_id)],
            None,
            Some(&token),
        );
        let response = shared::http::serve(&|request| self.app.handle(request), request).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        response.body().to_vec()
    }

    /// The mails queued for the mail service, taken off the queue.
    pub async fn mails(&self) -> Vec<Value> {
        queue::drain(&self.sqs, &self.mail_url).await
    }

    /// Orders `items` as user-1; the created order's body.
    pub async fn ordered(&self, items: Value) -> Value {
        let answer = self
            .call("create", USER, "", Some(json!({"items": items})))
            .await;
        answer.assert_status(201);
        answer.body
    }

    /// The order as user-1 reads it.
    pub async fn read(&self, order_id: &str) -> Value {
        self.call("read", USER, order_id, None).await.body
    }

    /// Requests the API received for `method path` (a regex).
    pub async fn requests(&self, method_name: &str, path_pattern: &str) -> Vec<wiremock::Request> {
        let pattern = regex_lite(path_pattern);
        requests(&self.api)
            .await
            .into_iter()
            .filter(|r| r.method.as_str() == method_name && pattern(r.url.path()))
            .collect()
    }
}

/// A path pattern with `*` for one segment.
fn regex_lite(pattern: &str) -> impl Fn(&str) -> bool {
    let parts: Vec<String> = pattern.split('/').map(str::to_owned).collect();
    move |path: &str| {
        let segments: Vec<&str> = path.split('/').collect();
        segments.len() == parts.len()
            && parts
                .iter()
                .zip(&segments)
                .all(|(part, segment)| part == "*" || part == segment)
    }
}

pub fn item(keycard: &str) -> Value {
    json!({"operator_id": "hochalm", "product_id": "DAY~ADULT", "date": DAY, "keycard_id": keycard})
}

pub fn products() -> Value {
    json!({"operator_id": "hochalm", "date": DAY, "products": [
        {"product_id": "DAY~ADULT", "name": "Day pass", "category": "adult", "category_name": "Adult",
         "validity": {"from": DAY, "days": 1}, "price": {"amount_cents": 5950, "currency": "EUR"},
         "provider": {"type": "dta", "product_id": "DAY", "consumer_category_id": "ADULT"}}]})
}

pub fn keycard_of(keycard_id: &str, owner: &str, status: &str) -> Value {
    json!({"keycard_id": keycard_id, "owner": owner, "status": status,
           "chip": {"chip_id": "E0040150C3A1B2C4", "serial_number": "12-3456789-01", "luhn_number": "4012888888881881"}})
}

/// The facade books at hochalm with `status` and `body`.
pub async fn bookings_answer(api: &MockServer, status: u16, body: Value) {
    Mock::given(method("POST"))
        .and(path_regex(r"^/liftoperators/hochalm/bookings$"))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(api)
        .await;
}

pub async fn refunds_accepted(api: &MockServer) {
    Mock::given(method("POST"))
        .and(path_regex(r"^/payments/[^/]+/refunds$"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "credited"})))
        .mount(api)
        .await;
}

pub fn booked(tickets: usize) -> Value {
    let tickets: Vec<Value> = (0..tickets)
        .map(|n| json!({"product_id": "DAY~ADULT", "date": DAY, "provider_reference": format!("SKI-{n}")}))
        .collect();
    json!({"status": "booked", "tickets": tickets})
}

/// The payment of `order` (its body) confirmed, as the orders queue carries it.
pub fn confirmed(order: &Value) -> OrdersMessage {
    OrdersMessage::Confirmed(PaymentConfirmed::V1 {
        order_id: order["order_id"].as_str().expect("an id").to_owned(),
        payment_id: "5300518741".into(),
        amount_cents: order["total"]["amount_cents"].as_i64().expect("a total"),
        currency: "EUR".into(),
    })
}
