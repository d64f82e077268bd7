//! The keycard supplier's requests as our adapter sends them, and the card checks.

use super::{Answer, post, post_json, send};
use axum::http::StatusCode;
use serde_json::{Value, json};

pub const CARDS: &str = "/keycards/v1/cards";
pub const KEY: &str = "Bearer sandbox-keycard-key";

pub fn new_order(external_id: &str) -> Value {
    json!({
        "externalId": external_id,
        "customerName": "Anna Muster",
        "shippingAddress": { "street": "Maria-Theresien-Straße 1", "postalCode": "6020", "city": "Innsbruck", "country": "AT" },
    })
}

pub async fn order(app: &axum::Router, external_id: &str) -> String {
    let answer = post_json(
        app,
        CARDS,
        &new_order(external_id),
        &[("authorization", KEY)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text());
    answer.json()["cardOrderId"]
        .as_str()
        .expect("cardOrderId")
        .to_owned()
}

pub async fn show(app: &axum::Router, id: &str) -> Value {
    let answer = send(
        app,
        axum::http::Request::get(format!("{CARDS}/{id}"))
            .header("authorization", KEY)
            .body(axum::body::Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    answer.json()
}

pub async fn advance(app: &axum::Router, id: &str, to: &str) -> Answer {
    let query = if to.is_empty() {
        String::new()
    } else {
        format!("?to={to}")
    };
    post(
        app,
        &format!("/_sandbox/keycards/{id}/advance{query}"),
        "application/json",
        "",
        &[],
    )
    .await
}

pub fn luhn_valid(number: &str) -> bool {
    let sum: u32 = number
        .chars()
        .rev()
        .map(|c| c.to_digit(10).expect("digit"))
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}
