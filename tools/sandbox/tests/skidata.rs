//! The SkiData stand-in: authentication, products, asynchronous orders deduplicated by
//! external order id, and cancellation.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use sandbox::Sandbox;
use serde_json::{Value, json};
use tower::ServiceExt;

const AUTH: &str = "Basic c3RhcmphY2s6c2FuZGJveC1kdGE=";

async fn send(
    sandbox: &Sandbox,
    method: &str,
    uri: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", AUTH)
        .header("x-contractor-id", "C-HOCHALM")
        .header("content-type", "application/json")
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
        .expect("test plumbing");
    let response = sandbox::app(sandbox.clone())
        .oneshot(request)
        .await
        .expect("test plumbing");
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("test plumbing");
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn order(external: &str, chip: &str) -> Value {
    json!({"externalOrderId": external, "items": [{"productId": "DAY", "consumerCategoryId": "ADULT", "quantity": 1,
        "validFrom": "2026-12-24", "identification": {"chipId": chip, "serialNumber": "12-3456789-01", "luhnNumber": "4012888888881881"}}]})
}

#[tokio::test]
async fn products_need_the_demo_credentials() {
    let request = Request::builder()
        .uri("/skidata/products?validFrom=2026-12-24")
        .body(Body::empty())
        .unwrap();
    let response = sandbox::app(Sandbox::default())
        .oneshot(request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn products_carry_consumer_categories_and_gross_prices() {
    let (status, body) = send(
        &Sandbox::default(),
        "GET",
        "/skidata/products?validFrom=2026-12-24",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let day = &body["products"][0];
    assert_eq!(day["id"], "DAY");
    assert_eq!(day["consumerCategories"][0]["price"]["amountGross"], 59.5);
    assert_eq!(day["consumerCategories"][0]["price"]["currencyCode"], "EUR");
    let (status, _) = send(
        &Sandbox::default(),
        "GET",
        "/skidata/products?validFrom=tomorrow",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_order_is_accepted_then_booked_after_a_few_polls_and_recorded_once() {
    let sandbox = Sandbox::default();
    let (status, accepted) = send(
        &sandbox,
        "POST",
        "/skidata/orders",
        Some(order("ord-1", "E004")),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let id = accepted["orderId"].as_str().unwrap().to_owned();
    assert!(accepted["asynchronousExecutionToken"]["executionId"].is_string());
    let (_, again) = send(
        &sandbox,
        "POST",
        "/skidata/orders",
        Some(order("ord-1", "E004")),
    )
    .await;
    assert_eq!(again["orderId"], id.as_str());
    assert_eq!(sandbox.records("dta.order").len(), 1);

    let (_, first) = send(&sandbox, "GET", &format!("/skidata/orders/{id}"), None).await;
    assert_eq!(first["status"], "PENDING");
    let (_, second) = send(&sandbox, "GET", &format!("/skidata/orders/{id}"), None).await;
    assert_eq!(second["status"], "BOOKED");
}

#[tokio::test]
async fn chips_named_fail_end_in_a_failed_order_and_never_stay_pending() {
    let sandbox = Sandbox::default();
    let (_, failing) = send(
        &sandbox,
        "POST",
        "/skidata/orders",
        Some(order("ord-2", "FAIL-1")),
    )
    .await;
    let (_, stuck) = send(
        &sandbox,
        "POST",
        "/skidata/orders",
        Some(order("ord-3", "NEVER-1")),
    )
    .await;
    for _ in 0..3 {
        send(
            &sandbox,
            "GET",
            &format!("/skidata/orders/{}", failing["orderId"].as_str().unwrap()),
            None,
        )
        .await;
    }
    let (_, failed) = send(
        &sandbox,
        "GET",
        &format!("/skidata/orders/{}", failing["orderId"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(failed["status"], "FAILED");
    for _ in 0..3 {
        send(
            &sandbox,
            "GET",
            &format!("/skidata/orders/{}", stuck["orderId"].as_str().unwrap()),
            None,
        )
        .await;
    }
    let (_, pending) = send(
        &sandbox,
        "GET",
        &format!("/skidata/orders/{}", stuck["orderId"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(pending["status"], "PENDING");
}

#[tokio::test]
async fn an_order_is_cancelled_and_unknown_orders_and_products_are_refused() {
    let sandbox = Sandbox::default();
    let (_, accepted) = send(
        &sandbox,
        "POST",
        "/skidata/orders",
        Some(order("ord-4", "E004")),
    )
    .await;
    let uri = format!("/skidata/orders/{}", accepted["orderId"].as_str().unwrap());
    let (status, cancelled) = send(&sandbox, "DELETE", &uri, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cancelled["status"], "CANCELED");
    assert_eq!(
        send(&sandbox, "GET", "/skidata/orders/SKD-999999", None)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let mut unknown = order("ord-5", "E004");
    unknown["items"][0]["productId"] = "SEASON".into();
    let (status, body) = send(&sandbox, "POST", "/skidata/orders", Some(unknown)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errorCode"], "INVALID_ORDER");
}
