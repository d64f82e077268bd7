//! Concurrent requests for one external order id: exactly one outcome, and a cancel is never
//! overwritten by a booking's stale outcome.

mod common;

use common::{Dta, accepted, booking, order};
use std::time::Duration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

const ORDER: &str = "ord-2026-000123";

async fn slow_dta() -> Dta {
    Dta::start_with(&[
        ("SKIDATA_TIMEOUT_MS", "3000"),
        ("DTA_BOOKING_DEADLINE_MS", "3000"),
    ])
    .await
}

#[tokio::test]
async fn two_concurrent_bookings_of_one_external_order_id_with_other_items_have_one_outcome() {
    let dta = slow_dta().await;
    Mock::given(method("POST"))
        .and(path("/orders"))
        .respond_with(
            ResponseTemplate::new(202)
                .set_body_json(accepted("o-10"))
                .set_delay(Duration::from_millis(500)),
        )
        .mount(&dta.skidata)
        .await;
    Mock::given(method("GET"))
        .and(path("/orders/o-10"))
        .respond_with(ResponseTemplate::new(200).set_body_json(order("o-10", "BOOKED")))
        .mount(&dta.skidata)
        .await;
    let adult = booking(ORDER);
    let mut child = booking(ORDER);
    child["items"][0]["consumer_category_id"] = "CHILD".into();
    let (first, second) = tokio::join!(
        dta.call("book", Some(adult.clone())),
        dta.call("book", Some(child.clone()))
    );
    let (winner, loser, items) = if first.status == 201 {
        (first, second, adult)
    } else {
        (second, first, child)
    };
    assert_eq!(winner.status, 201, "{}", winner.body);
    assert_eq!(loser.status, 409, "{}", loser.body);
    assert_eq!(loser.body["error"]["code"], "external_order_id_reused");
    let stored = dta.call("read-booking", None).await;
    assert_eq!(stored.body["items"], items["items"]);
    assert_eq!(dta.requests_to("POST", "/orders").await, 1);
}

#[tokio::test]
async fn a_cancel_during_a_booking_is_not_overwritten_by_its_stale_outcome() {
    let dta = slow_dta().await;
    Mock::given(method("POST"))
        .and(path("/orders"))
        .respond_with(ResponseTemplate::new(202).set_body_json(accepted("o-11")))
        .mount(&dta.skidata)
        .await;
    Mock::given(method("GET"))
        .and(path("/orders/o-11"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(order("o-11", "BOOKED"))
                .set_delay(Duration::from_millis(800)),
        )
        .mount(&dta.skidata)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/orders/o-11"))
        .respond_with(ResponseTemplate::new(200).set_body_json(order("o-11", "CANCELED")))
        .mount(&dta.skidata)
        .await;
    let (booked, cancelled) = tokio::join!(dta.call("book", Some(booking(ORDER))), async {
        dta.until_requested("GET", "/orders/o-11", 1).await;
        dta.call("cancel-booking", None).await
    });
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(cancelled.body["status"], "cancelled");
    assert_eq!(booked.status, 409, "{}", booked.body);
    assert_eq!(booked.body["error"]["code"], "booking_cancelled");
    let stored = dta.call("read-booking", None).await;
    assert_eq!(stored.body["status"], "cancelled");
}
