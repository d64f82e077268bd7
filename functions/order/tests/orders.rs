//! The customer's routes against a stubbed API: prices only from the facade, keycards only the
//! caller's produced ones, one ticket per keycard, operator and day, orders only the caller's,
//! and the `Idempotency-Key`.

mod common;

use common::{DAY, OrderFn, USER, item, keycard_of};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

#[tokio::test]
async fn an_order_is_priced_by_the_facade_and_waits_for_its_payment() {
    let order = OrderFn::start().await;
    let created = order.ordered(json!([item("k-1"), item("k-2")])).await;
    assert_eq!(created["status"], "pending_payment");
    assert_eq!(created["items"][0]["name"], "Day pass");
    assert_eq!(
        created["items"][0]["price"],
        json!({"amount_cents": 5950, "currency": "EUR"})
    );
    assert_eq!(
        created["total"],
        json!({"amount_cents": 11900, "currency": "EUR"})
    );
    assert_eq!(created["payment"]["redirect_url"], "https://pay.test/1");
    let payments = order.requests("POST", "/payments").await;
    let asked: serde_json::Value = serde_json::from_slice(&payments[0].body).unwrap();
    assert_eq!(asked["amount_cents"], 11900);
    assert_eq!(asked["order_id"], created["order_id"]);
}

#[tokio::test]
async fn a_price_sent_by_the_client_is_refused_and_never_used() {
    let order = OrderFn::start().await;
    let mut tampered = item("k-1");
    tampered["price"] = json!({"amount_cents": 1, "currency": "EUR"});
    let answer = order
        .call("create", USER, "", Some(json!({"items": [tampered]})))
        .await;
    answer.assert_error(400, "invalid_input");
    let total = order
        .call(
            "create",
            USER,
            "",
            Some(json!({"items": [item("k-1")], "total": {"amount_cents": 1}})),
        )
        .await;
    total.assert_error(400, "invalid_input");
    assert!(order.requests("POST", "/payments").await.is_empty());
}

#[tokio::test]
async fn a_product_the_operator_does_not_sell_that_day_is_refused() {
    let order = OrderFn::start().await;
    let mut unknown = item("k-1");
    unknown["product_id"] = "SEASON~ADULT".into();
    let answer = order
        .call("create", USER, "", Some(json!({"items": [unknown]})))
        .await;
    assert!(
        answer
            .assert_error(400, "invalid_input")
            .contains("SEASON~ADULT")
    );
}

#[tokio::test]
async fn anyone_elses_keycard_is_as_unknown_as_a_missing_one_and_an_unproduced_one_waits() {
    let order = OrderFn::start().await;
    Mock::given(method("GET"))
        .and(path("/keycards/k-9"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(keycard_of("k-9", "user-2", "produced")),
        )
        .mount(&order.api)
        .await;
    Mock::given(method("GET"))
        .and(path("/keycards/k-new"))
        .respond_with(ResponseTemplate::new(200).set_body_json(keycard_of(
            "k-new",
            USER,
            "in_production",
        )))
        .mount(&order.api)
        .await;
    for keycard in ["k-9", "k-missing"] {
        let answer = order
            .call("create", USER, "", Some(json!({"items": [item(keycard)]})))
            .await;
        answer.assert_error(404, "not_found");
    }
    let answer = order
        .call("create", USER, "", Some(json!({"items": [item("k-new")]})))
        .await;
    answer.assert_error(409, "keycard_not_ready");
}

#[tokio::test]
async fn one_keycard_gets_one_ticket_of_an_operator_per_day_across_orders() {
    let order = OrderFn::start().await;
    order.ordered(json!([item("k-1")])).await;
    let again = order
        .call("create", USER, "", Some(json!({"items": [item("k-1")]})))
        .await;
    assert!(again.assert_error(409, "keycard_day_taken").contains(DAY));
    order.ordered(json!([item("k-2")])).await;
}

#[tokio::test]
async fn another_customers_order_is_not_found() {
    let order = OrderFn::start().await;
    let created = order.ordered(json!([item("k-1")])).await;
    let id = created["order_id"].as_str().unwrap();
    order
        .call("read", "user-2", id, None)
        .await
        .assert_error(404, "not_found");
    order
        .call("cancel", "user-2", id, None)
        .await
        .assert_error(404, "not_found");
    let theirs = order.call("list", "user-2", "", None).await;
    assert_eq!(theirs.body, json!({"orders": []}));
    let mine = order.call("list", USER, "", None).await;
    assert_eq!(mine.body["orders"][0]["order_id"], id);
}

#[tokio::test]
async fn the_same_idempotency_key_gives_the_same_order_and_other_items_are_a_conflict() {
    let order = OrderFn::start().await;
    let body = json!({"items": [item("k-1")]});
    let key = [("idempotency-key", "checkout-42")];
    let first = order
        .call_with("create", USER, "", Some(body.clone()), &key)
        .await;
    let second = order.call_with("create", USER, "", Some(body), &key).await;
    assert_eq!((first.status, second.status), (201, 201), "{}", second.body);
    assert_eq!(first.body["order_id"], second.body["order_id"]);
    let other = order
        .call_with(
            "create",
            USER,
            "",
            Some(json!({"items": [item("k-2")]})),
            &key,
        )
        .await;
    other.assert_error(409, "idempotency_key_reused");
    assert_eq!(order.requests("POST", "/payments").await.len(), 1);
}

#[tokio::test]
async fn a_waiting_order_can_be_cancelled_which_frees_its_keycard_days() {
    let order = OrderFn::start().await;
    let created = order.ordered(json!([item("k-1")])).await;
    let id = created["order_id"].as_str().unwrap();
    let cancelled = order.call("cancel", USER, id, None).await;
    assert_eq!(cancelled.body["status"], "cancelled");
    order.ordered(json!([item("k-1")])).await;
}
