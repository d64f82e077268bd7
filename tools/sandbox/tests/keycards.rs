//! The keycard supplier: orders, production steps, and signed status events to our webhook.

mod common;

use aws_lc_rs::hmac;
use axum::http::StatusCode;
use common::keycards::{CARDS, KEY, advance, luhn_valid, new_order, order, show};
use common::{get, post, post_json};
use sandbox::Settings;
use serde_json::{Value, json};
use std::time::Duration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn ordering_a_card_is_201_received_and_the_same_external_id_is_the_same_order() {
    let (sandbox, app) = common::sandbox();
    let first = post_json(&app, CARDS, &new_order("kc-1"), &[("authorization", KEY)]).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let body = first.json();
    assert_eq!(body["status"], "RECEIVED");
    assert_eq!(body["externalId"], "kc-1");
    assert!(body.get("chipId").is_none());
    let again = post_json(&app, CARDS, &new_order("kc-1"), &[("authorization", KEY)]).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["cardOrderId"], body["cardOrderId"]);
    assert_eq!(sandbox.records("keycard.order").len(), 1);
    assert_eq!(
        sandbox.records("keycard.order")[0].data["customerName"],
        "Anna Muster"
    );
}

#[tokio::test]
async fn a_wrong_key_is_a_401_and_a_bad_order_a_400() {
    let (sandbox, app) = common::sandbox();
    let wrong = post_json(
        &app,
        CARDS,
        &new_order("kc-2"),
        &[("authorization", "Bearer guess")],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json()["error"], "unauthorized");
    let mut no_country = new_order("kc-2");
    no_country["shippingAddress"]["country"] = json!("Austria");
    for bad in [
        json!({ "externalId": "kc-2" }),
        no_country,
        json!({ "externalId": "", "customerName": "A", "shippingAddress": new_order("x")["shippingAddress"] }),
    ] {
        let answer = post_json(&app, CARDS, &bad, &[("authorization", KEY)]).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(answer.json()["error"], "invalid_request");
    }
    let garbage = post(
        &app,
        CARDS,
        "application/json",
        "{",
        &[("authorization", KEY)],
    )
    .await;
    assert_eq!(garbage.status, StatusCode::BAD_REQUEST);
    assert!(sandbox.records("keycard").is_empty());
}

#[tokio::test]
async fn an_unknown_order_is_a_404() {
    let (_, app) = common::sandbox();
    let answer = common::send(
        &app,
        axum::http::Request::get(format!("{CARDS}/KC-NOPE"))
            .header("authorization", KEY)
            .body(axum::body::Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(
        get(&app, &format!("{CARDS}/KC-NOPE")).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        advance(&app, "KC-NOPE", "").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_produced_card_has_identifiers_whose_luhn_number_checks() {
    let (_, app) = common::sandbox();
    let id = order(&app, "kc-3").await;
    assert_eq!(
        advance(&app, &id, "").await.json()["order"]["status"],
        "IN_PRODUCTION"
    );
    assert!(show(&app, &id).await.get("chipId").is_none());
    assert_eq!(
        advance(&app, &id, "").await.json()["order"]["status"],
        "PRODUCED"
    );
    let card = show(&app, &id).await;
    let chip = card["chipId"].as_str().expect("chipId");
    assert!(
        chip.len() == 16 && chip.chars().all(|c| c.is_ascii_hexdigit()),
        "{chip}"
    );
    assert_eq!(card["serialNumber"].as_str().map(str::len), Some(12));
    assert!(luhn_valid(card["luhnNumber"].as_str().expect("luhnNumber")));
    assert_eq!(
        advance(&app, &id, "").await.json()["order"]["status"],
        "SHIPPED"
    );
    assert_eq!(show(&app, &id).await["chipId"], chip);
    assert_eq!(advance(&app, &id, "").await.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_same_external_id_gets_the_same_card_in_any_sandbox() {
    let (_, first) = common::sandbox();
    let (_, second) = common::sandbox();
    let (a, b) = (order(&first, "kc-4").await, order(&second, "kc-4").await);
    assert_eq!(a, b);
    advance(&first, &a, "PRODUCED").await;
    advance(&second, &b, "PRODUCED").await;
    assert_eq!(show(&first, &a).await, show(&second, &b).await);
    assert_ne!(order(&first, "kc-5").await, a);
}

#[tokio::test]
async fn an_order_can_be_failed_but_not_moved_backwards_or_to_an_unknown_status() {
    let (_, app) = common::sandbox();
    let id = order(&app, "kc-6").await;
    assert_eq!(
        advance(&app, &id, "PRODUCED").await.json()["order"]["status"],
        "PRODUCED"
    );
    assert_eq!(
        advance(&app, &id, "RECEIVED").await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        advance(&app, &id, "LOST").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        advance(&app, &id, "FAILED").await.json()["order"]["status"],
        "FAILED"
    );
    assert_eq!(
        advance(&app, &id, "SHIPPED").await.status,
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn each_change_is_posted_to_the_webhook_signed_with_the_secret() {
    let hook = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/keycards/webhook"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&hook)
        .await;
    let (sandbox, app) = common::with_settings(Settings {
        keycard_webhook_url: Some(format!("{}/keycards/webhook", hook.uri())),
        keycard_webhook_secret: "shared-secret".into(),
        ..common::settings()
    });
    let id = order(&app, "kc-7").await;
    let advanced = advance(&app, &id, "PRODUCED").await.json();
    assert_eq!(advanced["webhook"]["answerStatus"], 204);

    // The creation event is sent in the background: wait until its answer is recorded.
    for _ in 0..1000 {
        if sandbox.records("keycard.webhook").len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let events = hook.received_requests().await.expect("recording");
    assert_eq!(events.len(), 2, "RECEIVED and PRODUCED");
    let key = hmac::Key::new(hmac::HMAC_SHA256, b"shared-secret");
    let mut statuses = Vec::new();
    for event in &events {
        let timestamp = event.headers["x-timestamp"].to_str().expect("timestamp");
        assert!(timestamp.parse::<i64>().is_ok());
        let signature = event.headers["x-signature"].to_str().expect("signature");
        let hex = signature.strip_prefix("sha256=").expect("sha256= prefix");
        let tag: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect();
        let signed = [timestamp.as_bytes(), b".", &event.body].concat();
        assert!(
            hmac::verify(&key, &signed, &tag).is_ok(),
            "the signature verifies"
        );
        let body: Value = event.body_json().expect("JSON event");
        assert_eq!(body["cardOrderId"], id);
        assert_eq!(body["externalId"], "kc-7");
        assert!(body["occurredAt"].is_string());
        statuses.push(body["status"].as_str().expect("status").to_owned());
        if body["status"] == "PRODUCED" {
            assert!(luhn_valid(body["luhnNumber"].as_str().expect("luhnNumber")));
        }
    }
    statuses.sort();
    assert_eq!(statuses, ["PRODUCED", "RECEIVED"]);
    let recorded: Vec<_> = sandbox
        .records("keycard.webhook")
        .iter()
        .map(|r| r.data["answerStatus"].clone())
        .collect();
    assert_eq!(recorded, [204, 204]);
}

#[tokio::test(start_paused = true)]
async fn with_timed_steps_an_order_is_produced_and_shipped_by_itself() {
    let (sandbox, app) = common::with_settings(Settings {
        keycard_step: Some(Duration::from_secs(5)),
        ..common::settings()
    });
    let id = order(&app, "kc-8").await;
    for _ in 0..20 {
        if show(&app, &id).await["status"] == "SHIPPED" {
            break;
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
    assert_eq!(show(&app, &id).await["status"], "SHIPPED");
    let steps: Vec<_> = sandbox
        .records("keycard.status")
        .iter()
        .map(|r| r.data["status"].clone())
        .collect();
    assert_eq!(steps, ["IN_PRODUCTION", "PRODUCED", "SHIPPED"]);
}
