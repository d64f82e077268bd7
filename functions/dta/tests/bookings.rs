//! Bookings against a stubbed SkiData: asynchronous orders polled to an outcome, idempotency
//! by external order id, refusals, orders that never finish, reads and cancellation.

mod common;

use common::{Dta, accepted, booking, order};
use serde_json::json;
use shared::testing::stubs::{self, requests};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, ResponseTemplate};

async fn skidata_accepts(dta: &Dta, order_id: &str) {
    Mock::given(method("POST"))
        .and(path("/orders"))
        .respond_with(ResponseTemplate::new(202).set_body_json(accepted(order_id)))
        .mount(&dta.skidata)
        .await;
}

async fn order_goes(dta: &Dta, order_id: &str, statuses: &[&str]) {
    for (index, status) in statuses.iter().enumerate() {
        let mock = Mock::given(method("GET"))
            .and(path(format!("/orders/{order_id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(order(order_id, status)));
        let mock = if index + 1 < statuses.len() {
            mock.up_to_n_times(1)
        } else {
            mock
        };
        mock.mount(&dta.skidata).await;
    }
}

#[tokio::test]
async fn an_order_is_polled_until_skidata_has_booked_it() {
    let dta = Dta::start().await;
    Mock::given(method("POST"))
        .and(path("/orders"))
        .and(body_partial_json(json!({"externalOrderId": "ord-1", "items": [{
            "productId": "DAY", "consumerCategoryId": "ADULT", "quantity": 1, "validFrom": "2026-12-24",
            "identification": {"chipId": "E0040150C3A1B2C4", "serialNumber": "12-3456789-01", "luhnNumber": "4012888888881881"}}]})))
        .respond_with(ResponseTemplate::new(202).set_body_json(accepted("o-1")))
        .expect(1)
        .mount(&dta.skidata)
        .await;
    order_goes(&dta, "o-1", &["PENDING", "RESERVED", "BOOKED"]).await;
    let answer = dta.call("book", Some(booking("ord-1"))).await;
    answer.assert_status(201);
    assert_eq!(answer.body["status"], "booked");
    assert_eq!(answer.body["order_id"], "o-1");
    assert_eq!(answer.body["confirmation_number"], "CN-1");
    assert_eq!(dta.requests_to("GET", "/orders/o-1").await, 3);
}

#[tokio::test]
async fn the_same_external_order_id_booked_twice_yields_one_order() {
    let dta = Dta::start().await;
    skidata_accepts(&dta, "o-2").await;
    order_goes(&dta, "o-2", &["BOOKED_AND_TRANSFERRED"]).await;
    dta.call("book", Some(booking("ord-2")))
        .await
        .assert_status(201);
    let again = dta.call("book", Some(booking("ord-2"))).await;
    again.assert_status(200);
    assert_eq!(again.body["order_id"], "o-2");
    assert_eq!(dta.requests_to("POST", "/orders").await, 1);
}

#[tokio::test]
async fn an_external_order_id_reused_for_other_items_is_a_409() {
    let dta = Dta::start().await;
    skidata_accepts(&dta, "o-3").await;
    order_goes(&dta, "o-3", &["BOOKED"]).await;
    dta.call("book", Some(booking("ord-3")))
        .await
        .assert_status(201);
    let mut other = booking("ord-3");
    other["items"][0]["consumer_category_id"] = "CHILD".into();
    let answer = dta.call("book", Some(other)).await;
    answer.assert_error(409, "external_order_id_reused");
}

#[tokio::test]
async fn a_refused_booking_is_a_502() {
    let dta = Dta::start().await;
    skidata_accepts(&dta, "o-4").await;
    order_goes(&dta, "o-4", &["PENDING", "FAILED"]).await;
    let answer = dta.call("book", Some(booking("ord-4"))).await;
    answer.assert_error(502, "booking_refused");
}

#[tokio::test]
async fn skidata_refusing_the_order_outright_is_a_502_naming_its_code() {
    let dta = Dta::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(422)
                .set_body_json(json!({"errorCode": "PRODUCT_SOLD_OUT", "message": "sold out"})),
        )
        .mount(&dta.skidata)
        .await;
    let answer = dta.call("book", Some(booking("ord-5"))).await;
    assert!(
        answer
            .assert_error(502, "provider_refused")
            .contains("PRODUCT_SOLD_OUT")
    );
}

#[tokio::test]
async fn an_order_that_never_completes_is_a_504_and_is_polled_not_placed_again_when_repeated() {
    let dta = Dta::start().await;
    skidata_accepts(&dta, "o-6").await;
    order_goes(&dta, "o-6", &["PENDING"]).await;
    let answer = dta.call("book", Some(booking("ord-6"))).await;
    answer.assert_error(504, "booking_pending");
    let polls = dta.requests_to("GET", "/orders/o-6").await;
    assert!(polls >= 2, "polled {polls} times");

    let again = dta.call("book", Some(booking("ord-6"))).await;
    again.assert_status(504);
    assert_eq!(
        dta.requests_to("POST", "/orders").await,
        1,
        "a pending order is polled, not placed again"
    );
}

#[tokio::test]
async fn a_provider_timeout_while_placing_an_order_is_retried_because_skidata_deduplicates() {
    let dta = Dta::start().await;
    stubs::fails_once(&dta.skidata, "POST", 503).await;
    skidata_accepts(&dta, "o-7").await;
    order_goes(&dta, "o-7", &["BOOKED"]).await;
    let answer = dta.call("book", Some(booking("ord-7"))).await;
    answer.assert_status(201);
    assert_eq!(dta.requests_to("POST", "/orders").await, 2);
}

#[tokio::test]
async fn a_booking_is_read_and_cancelled_once() {
    let dta = Dta::start().await;
    skidata_accepts(&dta, "o-8").await;
    order_goes(&dta, "o-8", &["BOOKED"]).await;
    Mock::given(method("DELETE"))
        .and(path("/orders/o-8"))
        .respond_with(ResponseTemplate::new(200).set_body_json(order("o-8", "CANCELED")))
        .expect(1)
        .mount(&dta.skidata)
        .await;
    dta.call("book", Some(booking("ord-2026-000123")))
        .await
        .assert_status(201);
    let read = dta.call("read-booking", None).await;
    read.assert_status(200);
    assert_eq!(read.body["status"], "booked");
    for _ in 0..2 {
        let cancelled = dta.call("cancel-booking", None).await;
        cancelled.assert_status(200);
        assert_eq!(cancelled.body["status"], "cancelled");
    }
    let rebook = dta.call("book", Some(booking("ord-2026-000123"))).await;
    rebook.assert_error(409, "booking_cancelled");
}

#[tokio::test]
async fn an_unknown_booking_is_a_404() {
    let dta = Dta::start().await;
    dta.call("read-booking", None).await.assert_status(404);
    dta.call("cancel-booking", None).await.assert_status(404);
}

#[tokio::test]
async fn invalid_bookings_are_refused_before_skidata_is_asked() {
    let dta = Dta::start().await;
    let mut no_items = booking("ord-9");
    no_items["items"] = json!([]);
    let mut bad_card = booking("ord-9");
    bad_card["items"][0]["keycard"]["luhn_number"] = "12ab".into();
    let mut bad_date = booking("ord-9");
    bad_date["items"][0]["valid_from"] = "24.12.2026".into();
    let mut unknown_credentials = booking("ord-9");
    unknown_credentials["credentials"] = "nobody".into();
    for body in [no_items, bad_card, bad_date, unknown_credentials] {
        let answer = dta.call("book", Some(body)).await;
        answer.assert_status(400);
    }
    assert!(requests(&dta.skidata).await.is_empty());
}
