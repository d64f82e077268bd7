//! Concurrent requests for one external order id: exactly one outcome, and a cancel is never
//! overwritten by a booking's stale outcome.

mod common;

use common::{Dta, accepted, booking, order};
use std::time::Duration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

const ORDER: &str = "ord-2026-000123";

/// SkiData answers `verb at` with `answer`, as often as asked.
async fn skidata(dta: &Dta, verb: &str, at: &str, answer: ResponseTemplate) {
    let stub = Mock::given(method(verb)).and(path(at));
    stub.respond_with(answer).mount(&dta.skidata).await;
}

fn json(status: u16, body: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(body)
}

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
    let slowly = Duration::from_millis(500);
    let placed = json(202, accepted("o-10")).set_delay(slowly);
    skidata(&dta, "POST", "/orders", placed).await;
    skidata(
        &dta,
        "GET",
        "/orders/o-10",
        json(200, order("o-10", "BOOKED")),
    )
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
    winner.assert_status(201);
    loser.assert_error(409, "external_order_id_reused");
    let stored = dta.call("read-booking", None).await;
    assert_eq!(stored.body["items"], items["items"]);
    assert_eq!(dta.requests_to("POST", "/orders").await, 1);
}

#[tokio::test]
async fn a_cancel_during_a_booking_is_not_overwritten_by_its_stale_outcome() {
    let dta = slow_dta().await;
    let slowly = Duration::from_millis(800);
    let booked_late = json(200, order("o-11", "BOOKED")).set_delay(slowly);
    skidata(&dta, "POST", "/orders", json(202, accepted("o-11"))).await;
    skidata(&dta, "GET", "/orders/o-11", booked_late).await;
    let cancelled = json(200, order("o-11", "CANCELED"));
    skidata(&dta, "DELETE", "/orders/o-11", cancelled).await;
    let (booked, cancelled) = tokio::join!(dta.call("book", Some(booking(ORDER))), async {
        dta.until_requested("GET", "/orders/o-11", 1).await;
        dta.call("cancel-booking", None).await
    });
    cancelled.assert_status(200);
    assert_eq!(cancelled.body["status"], "cancelled");
    booked.assert_error(409, "booking_cancelled");
    let stored = dta.call("read-booking", None).await;
    assert_eq!(stored.body["status"], "cancelled");
}
