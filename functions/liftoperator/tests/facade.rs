//! The facade: each operator's products and bookings routed to its provider's adapter with
//! a service token, answers normalised, bookings for service callers only.

mod common;

use common::{Facade, axess_products, dta_products, keycard, order_service};
use serde_json::json;
use shared::testing::function::not_this_service;
use wiremock::matchers::{body_partial_json, header, method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

#[tokio::test]
async fn a_dta_operators_products_come_from_the_dta_adapter_in_the_normalised_shape() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .and(query_param("credentials", "demo-dta"))
        .and(query_param("date", "2026-12-24"))
        .and(header("authorization", "Bearer token-dta"))
        .respond_with(ResponseTemplate::new(200).set_body_json(dta_products()))
        .expect(1)
        .mount(&facade.api)
        .await;
    let answer = facade.call("products", "hochalm", None, None).await;
    answer.assert_status(200);
    assert_eq!(answer.body["operator_id"], "hochalm");
    assert_eq!(
        answer.body["products"][0],
        json!({"product_id": "DAY~ADULT", "name": "Day pass", "category": "adult", "category_name": "Adult",
               "validity": {"from": "2026-12-24", "days": 1}, "price": {"amount_cents": 5950, "currency": "EUR"},
               "provider": {"type": "dta", "product_id": "DAY", "consumer_category_id": "ADULT"}})
    );
}

#[tokio::test]
async fn an_axess_operators_products_come_from_the_axess_adapter_in_the_same_shape() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/axess/products"))
        .and(query_param("credentials", "demo-axess"))
        .and(query_param("pool_no", "1"))
        .and(query_param("tickets", "10:1,10:2"))
        .and(header("authorization", "Bearer token-axess"))
        .respond_with(ResponseTemplate::new(200).set_body_json(axess_products()))
        .expect(1)
        .mount(&facade.api)
        .await;
    let answer = facade.call("products", "gipfelbahn", None, None).await;
    answer.assert_status(200);
    let child = &answer.body["products"][1];
    assert_eq!(child["product_id"], "1-10-2");
    assert_eq!(child["category"], "child");
    assert_eq!(child["category_name"], "Kinder");
    assert_eq!(
        child["price"],
        json!({"amount_cents": 2700, "currency": "EUR"})
    );
    assert_eq!(
        child["provider"],
        json!({"type": "axess", "pool_no": 1, "ticket_type_no": 10, "person_type_no": 2})
    );
}

#[tokio::test]
async fn a_dta_booking_goes_to_the_dta_adapter_with_the_products_provider_ids() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(200).set_body_json(dta_products()))
        .mount(&facade.api)
        .await;
    Mock::given(method("POST"))
        .and(path("/dta/bookings"))
        .and(header("authorization", "Bearer token-dta"))
        .and(body_partial_json(json!({"credentials": "demo-dta", "external_order_id": "ord-2026-000123",
            "items": [{"product_id": "DAY", "consumer_category_id": "ADULT", "valid_from": "2026-12-24", "keycard": keycard()}]})))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "external_order_id": "ord-2026-000123", "status": "booked", "order_id": "o-1", "confirmation_number": "CN-1",
            "items": [{"product_id": "DAY", "consumer_category_id": "ADULT", "valid_from": "2026-12-24", "keycard": keycard()}]})))
        .expect(1)
        .mount(&facade.api)
        .await;
    let answer = facade
        .call("book", "hochalm", None, Some(&order_service()))
        .await;
    answer.assert_status(201);
    assert_eq!(answer.body["provider"], "dta");
    assert_eq!(answer.body["status"], "booked");
    assert_eq!(answer.body["confirmation"], "CN-1");
    assert_eq!(answer.body["tickets"][0]["product_id"], "DAY~ADULT");
    assert_eq!(answer.body["tickets"][0]["provider_reference"], "o-1");
}

#[tokio::test]
async fn an_axess_booking_goes_to_the_axess_adapter_and_a_repeat_is_answered_200() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/axess/products"))
        .respond_with(ResponseTemplate::new(200).set_body_json(axess_products()))
        .mount(&facade.api)
        .await;
    let booked = json!({"external_order_id": "ord-7", "status": "issued",
        "items": [{"pool_no": 1, "ticket_type_no": 10, "person_type_no": 1, "valid_from": "2026-12-24", "keycard": keycard()}],
        "tickets": [{"item": 0, "project_no": 4711, "pos_no": 12, "serial_no": 100, "journal_no": 5100, "cancelled": false}]});
    Mock::given(method("POST")).and(path("/axess/bookings"))
        .and(body_partial_json(json!({"credentials": "demo-axess", "items": [{"pool_no": 1, "ticket_type_no": 10, "person_type_no": 1}]})))
        .respond_with(ResponseTemplate::new(201).set_body_json(booked.clone()))
        .up_to_n_times(1)
        .mount(&facade.api).await;
    Mock::given(method("POST"))
        .and(path("/axess/bookings"))
        .respond_with(ResponseTemplate::new(200).set_body_json(booked))
        .mount(&facade.api)
        .await;
    let body = json!({"external_order_id": "ord-7", "items": [{"product_id": "1-10-1", "date": "2026-12-24", "keycard": keycard()}]});
    let first = facade
        .call(
            "book",
            "gipfelbahn",
            Some(body.clone()),
            Some(&order_service()),
        )
        .await;
    first.assert_status(201);
    assert_eq!(first.body["provider"], "axess");
    assert_eq!(
        first.body["tickets"][0]["provider_reference"],
        "4711-12-100"
    );
    let again = facade
        .call("book", "gipfelbahn", Some(body), Some(&order_service()))
        .await;
    again.assert_status(200);
    assert_eq!(again.body["tickets"], first.body["tickets"]);
}

#[tokio::test]
async fn booking_routes_refuse_callers_without_a_service_token_for_liftoperator() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    for event in ["book", "read-booking", "cancel-booking"] {
        for (caller, token, status) in not_this_service("liftoperator") {
            let answer = facade.call(event, "hochalm", None, Some(&token)).await;
            assert_eq!(answer.status, status, "{event}, {caller}: {}", answer.body);
        }
        assert_eq!(
            facade.call(event, "hochalm", None, None).await.status,
            401,
            "{event}"
        );
    }
    assert!(facade.adapter_requests().await.is_empty());
}

#[tokio::test]
async fn a_product_the_operator_does_not_sell_that_day_is_a_400() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(200).set_body_json(dta_products()))
        .mount(&facade.api)
        .await;
    let body = json!({"external_order_id": "ord-8", "items": [{"product_id": "SEASON~ADULT", "date": "2026-12-24", "keycard": keycard()}]});
    let answer = facade
        .call("book", "hochalm", Some(body), Some(&order_service()))
        .await;
    answer.assert_error(400, "unknown_product");
    assert!(
        facade
            .adapter_requests()
            .await
            .iter()
            .all(|r| r.method.as_str() == "GET")
    );
}

#[tokio::test]
async fn a_booking_is_read_and_cancelled_through_the_operators_adapter() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    let cancelled = json!({"external_order_id": "ord-2026-000123", "status": "cancelled",
        "items": [{"pool_no": 1, "ticket_type_no": 10, "person_type_no": 1, "valid_from": "2026-12-24", "keycard": keycard()}],
        "tickets": [{"item": 0, "project_no": 4711, "pos_no": 12, "serial_no": 100, "journal_no": 5100, "cancelled": true}]});
    Mock::given(method("DELETE"))
        .and(path("/axess/bookings/ord-2026-000123"))
        .and(query_param("credentials", "demo-axess"))
        .respond_with(ResponseTemplate::new(200).set_body_json(cancelled))
        .expect(1)
        .mount(&facade.api)
        .await;
    Mock::given(method("GET"))
        .and(path("/axess/bookings/ord-2026-000123"))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(json!({"error": {"code": "not_found", "message": "no booking"}})),
        )
        .mount(&facade.api)
        .await;
    let answer = facade
        .call("cancel-booking", "gipfelbahn", None, Some(&order_service()))
        .await;
    answer.assert_status(200);
    assert_eq!(answer.body["status"], "cancelled");
    facade
        .call("read-booking", "gipfelbahn", None, Some(&order_service()))
        .await
        .assert_status(404);
}

#[tokio::test]
async fn the_status_checks_the_table_and_both_adapters() {
    let facade = Facade::start().await;
    Mock::given(method("GET"))
        .and(path("/dta/status"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "ok"})))
        .mount(&facade.api)
        .await;
    Mock::given(method("GET"))
        .and(path("/axess/status"))
        .respond_with(ResponseTemplate::new(503).set_body_json(json!({"status": "failing"})))
        .mount(&facade.api)
        .await;
    let answer = facade.call("status", "", None, None).await;
    answer.assert_status(503);
    assert_eq!(answer.body["checks"]["table"]["ok"], true);
    assert_eq!(answer.body["checks"]["dta"]["ok"], true);
    assert_eq!(answer.body["checks"]["axess"]["ok"], false);
}
