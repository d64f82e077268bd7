//! The supplier's REST API: order a card, look at an order. Bearer API key on both.

use super::{Order, PARTY, Status, card_order_id, production};
use crate::credentials;
use crate::state::Sandbox;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

/// The body of `POST /keycards/v1/cards`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewOrder {
    external_id: String,
    customer_name: String,
    shipping_address: Address,
}

#[derive(Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Address {
    #[serde(default)]
    name: Option<String>,
    street: String,
    postal_code: String,
    city: String,
    country: String,
}

/// `POST /keycards/v1/cards`: 201 with the new order, or 200 with the one of this `externalId`.
pub(super) async fn create(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Some(refused) = refuse_unauthorized(&sandbox, &headers) {
        return refused;
    }
    let order: NewOrder = match serde_json::from_slice(&body) {
        Ok(order) => order,
        Err(err) => return problem(StatusCode::BAD_REQUEST, "invalid_request", &err.to_string()),
    };
    if let Err(message) = validate(&order) {
        return problem(StatusCode::BAD_REQUEST, "invalid_request", message);
    }
    let external_id = order.external_id.trim();
    let id = card_order_id(external_id);
    let fresh = Order {
        card_order_id: id.clone(),
        external_id: external_id.to_owned(),
        customer_name: order.customer_name.trim().to_owned(),
        shipping_address: serde_json::to_value(&order.shipping_address).unwrap_or(Value::Null),
        status: Status::Received,
        nonce: uuid::Uuid::new_v4().to_string(),
    };
    let (kept, created) = sandbox.update(PARTY, &id, |stored| {
        match stored
            .clone()
            .and_then(|v| serde_json::from_value::<Order>(v).ok())
        {
            Some(existing) => (existing, false),
            None => {
                *stored = serde_json::to_value(&fresh).ok();
                (fresh, true)
            }
        }
    });
    if !created {
        return (StatusCode::OK, Json(kept.view())).into_response();
    }
    let mut record = kept.view();
    if let Some(object) = record.as_object_mut() {
        object.insert("customerName".into(), json!(kept.customer_name));
        object.insert("shippingAddress".into(), kept.shipping_address.clone());
    }
    sandbox.record("keycard.order", record);
    production::start(&sandbox, &kept);
    (StatusCode::CREATED, Json(kept.view())).into_response()
}

/// `GET /keycards/v1/cards/{id}`.
pub(super) async fn show(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Some(refused) = refuse_unauthorized(&sandbox, &headers) {
        return refused;
    }
    match Order::load(&sandbox, &id) {
        Some(order) => Json(order.view()).into_response(),
        None => problem(StatusCode::NOT_FOUND, "not_found", "no such card order"),
    }
}

fn validate(order: &NewOrder) -> Result<(), &'static str> {
    let filled = |text: &str, max: usize| !text.trim().is_empty() && text.chars().count() <= max;
    let address = &order.shipping_address;
    if !filled(&order.external_id, 100) {
        return Err("externalId must have 1 to 100 characters");
    }
    if !filled(&order.customer_name, 200) {
        return Err("customerName must have 1 to 200 characters");
    }
    if ![&address.street, &address.postal_code, &address.city]
        .iter()
        .all(|part| filled(part, 200))
        || address
            .name
            .as_deref()
            .is_some_and(|name| !filled(name, 200))
    {
        return Err("shippingAddress needs street, postalCode and city");
    }
    if address.country.len() != 2 || !address.country.chars().all(|c| c.is_ascii_uppercase()) {
        return Err("shippingAddress.country is an ISO 3166 alpha-2 code like AT");
    }
    Ok(())
}

fn refuse_unauthorized(sandbox: &Sandbox, headers: &HeaderMap) -> Option<Response> {
    (credentials::bearer(headers) != Some(sandbox.settings().keycard_key.as_str())).then(|| {
        problem(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "a valid Bearer API key is required",
        )
    })
}

/// `{"error": code, "message": message}` with `status`.
pub(super) fn problem(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({ "error": code, "message": message }))).into_response()
}
