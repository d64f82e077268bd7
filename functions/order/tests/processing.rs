//! The `orders` queue: a confirmed payment books once however often it arrives, a refusal is
//! refunded, an outage is retried, and invoice numbers stay gap-free under concurrency.

mod common;

use common::{OrderFn, booked, bookings_answer, confirmed, item, refunds_accepted};
use serde_json::json;
use shared::messages::{OrdersMessage, PaymentFailed};

#[tokio::test]
async fn a_confirmation_delivered_twice_books_once_and_completes_with_an_invoice_number() {
    let order = OrderFn::start().await;
    bookings_answer(&order.api, 201, booked(2)).await;
    let created = order.ordered(json!([item("k-1"), item("k-2")])).await;
    let id = created["order_id"].as_str().unwrap();
    for _ in 0..2 {
        order.app.process(confirmed(&created)).await.unwrap();
    }
    let bookings = order
        .requests("POST", "/liftoperators/hochalm/bookings")
        .await;
    let sent: Vec<serde_json::Value> = bookings
        .iter()
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert!(
        sent.iter()
            .all(|b| b["external_order_id"] == format!("{id}-hochalm"))
    );
    assert_eq!(sent.len(), 1, "{sent:?}");
    let read = order.read(id).await;
    assert_eq!(read["status"], "completed");
    let year = time::OffsetDateTime::now_utc().year();
    assert_eq!(read["invoice_number"], format!("{year}-000001"));
    assert_eq!(read["tickets"][1]["provider_reference"], "SKI-1");
    let mails = order.mails().await;
    assert_eq!(mails.len(), 1, "one confirmation, however often: {mails:?}");
    let mail = &mails[0];
    assert_eq!(mail["template"], "order-confirmation");
    assert_eq!(mail["message_id"], format!("order-confirmation:{id}"));
    assert_eq!(mail["to"], "anna@example.com");
    assert_eq!(mail["data"]["total"], "EUR 119.00");
    let attachment = &mail["data"]["attachments"][0];
    assert_eq!(attachment["filename"], format!("invoice-{year}-000001.pdf"));
    let link = attachment["url"].as_str().unwrap();
    let pdf = reqwest::get(link).await.unwrap().bytes().await.unwrap();
    assert!(
        pdf.starts_with(b"%PDF-"),
        "the link reads the invoice without credentials"
    );
}

#[tokio::test]
async fn a_booking_the_provider_refuses_is_refunded_and_the_order_says_so() {
    let order = OrderFn::start().await;
    bookings_answer(
        &order.api,
        502,
        json!({"error": {"code": "booking_refused", "message": "sold out"}}),
    )
    .await;
    refunds_accepted(&order.api).await;
    let created = order.ordered(json!([item("k-1")])).await;
    let id = created["order_id"].as_str().unwrap();
    order.app.process(confirmed(&created)).await.unwrap();
    let read = order.read(id).await;
    assert_eq!(read["status"], "refunded");
    assert!(read.get("invoice_number").is_none());
    let refunds = order.requests("POST", "/payments/*/refunds").await;
    let asked: serde_json::Value = serde_json::from_slice(&refunds[0].body).unwrap();
    assert_eq!(asked["amount_cents"], 5950);
    let mails = order.mails().await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0]["template"], "order-refunded");
    assert_eq!(mails[0]["data"]["refunded"], "EUR 59.50");
}

#[tokio::test]
async fn a_provider_outage_sends_the_message_back_and_a_retry_books() {
    let order = OrderFn::start().await;
    let created = order.ordered(json!([item("k-1")])).await;
    let id = created["order_id"].as_str().unwrap();
    bookings_answer(
        &order.api,
        503,
        json!({"error": {"code": "adapter_unreachable", "message": "down"}}),
    )
    .await;
    assert!(order.app.process(confirmed(&created)).await.is_err());
    assert_eq!(order.read(id).await["status"], "paid");
    order.api.reset().await;
    let order_api = &order.api;
    common_mocks(order_api).await;
    bookings_answer(order_api, 201, booked(1)).await;
    order.app.process(confirmed(&created)).await.unwrap();
    assert_eq!(order.read(id).await["status"], "completed");
    assert!(
        order
            .requests("POST", "/payments/*/refunds")
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn a_paid_order_whose_provider_stays_down_is_refunded_after_the_give_up_time() {
    let order = OrderFn::start_with(&[("ORDER_GIVE_UP_AFTER_MS", "0")]).await;
    bookings_answer(
        &order.api,
        504,
        json!({"error": {"code": "adapter_timeout", "message": "slow"}}),
    )
    .await;
    refunds_accepted(&order.api).await;
    let created = order.ordered(json!([item("k-1")])).await;
    order.app.process(confirmed(&created)).await.unwrap();
    let id = created["order_id"].as_str().unwrap();
    assert_eq!(order.read(id).await["status"], "refunded");
}

#[tokio::test]
async fn a_failed_payment_marks_a_waiting_order_and_a_later_one_still_completes_it() {
    let order = OrderFn::start().await;
    bookings_answer(&order.api, 201, booked(1)).await;
    let created = order.ordered(json!([item("k-1")])).await;
    let id = created["order_id"].as_str().unwrap();
    let failed = OrdersMessage::Failed(PaymentFailed::V1 {
        order_id: id.to_owned(),
        payment_id: "5300518741".into(),
    });
    order.app.process(failed).await.unwrap();
    assert_eq!(order.read(id).await["status"], "payment_failed");
    order.app.process(confirmed(&created)).await.unwrap();
    assert_eq!(order.read(id).await["status"], "completed");
}

#[tokio::test]
async fn invoice_numbers_stay_gap_free_under_concurrent_completions() {
    let order = OrderFn::start().await;
    bookings_answer(&order.api, 201, booked(1)).await;
    let mut created = Vec::new();
    for n in 0..6 {
        let mut one = item("k-1");
        one["date"] = format!("2027-01-{:02}", 10 + n).into();
        created.push(order.ordered(json!([one])).await);
    }
    let runs = created
        .iter()
        .map(|body| order.app.process(confirmed(body)));
    for outcome in futures_util::future::join_all(runs).await {
        outcome.unwrap();
    }
    let mut numbers = Vec::new();
    for body in &created {
        let read = order.read(body["order_id"].as_str().unwrap()).await;
        assert_eq!(read["status"], "completed");
        numbers.push(read["invoice_number"].as_str().unwrap().to_owned());
    }
    numbers.sort();
    let year = &numbers[0][..4];
    let expected: Vec<String> = (1..=6).map(|n| format!("{year}-{n:06}")).collect();
    assert_eq!(numbers, expected);
}

async fn common_mocks(api: &wiremock::MockServer) {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, ResponseTemplate};
    shared::testing::stubs::auth(api, "anna@example.com", "Anna Berg").await;
    Mock::given(method("GET"))
        .and(path("/keycards/k-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(common::keycard_of(
            "k-1",
            common::USER,
            "produced",
        )))
        .mount(api)
        .await;
}

#[tokio::test]
async fn a_completed_order_has_its_invoice_as_a_pdf_for_its_customer_only() {
    let order = OrderFn::start().await;
    bookings_answer(&order.api, 201, booked(1)).await;
    let created = order.ordered(json!([item("k-1")])).await;
    let id = created["order_id"].as_str().unwrap();
    let early = order.call("invoice", common::USER, id, None).await;
    early.assert_error(404, "not_found");
    order.app.process(confirmed(&created)).await.unwrap();
    let number = order.read(id).await["invoice_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let theirs = order.call("invoice", "user-2", id, None).await;
    theirs.assert_error(404, "not_found");
    let pdf = order.invoice_pdf(id).await;
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let text = String::from_utf8_lossy(&pdf);
    for part in [
        number.as_str(),
        "Starjack GmbH",
        "ATU12345678",
        "EUR 59.50",
        "10 % VAT EUR 5.41",
    ] {
        assert!(text.contains(part), "{part} in the invoice");
    }
}
