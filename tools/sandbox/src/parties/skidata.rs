//! SkiData DTA under `/skidata`: products with consumer categories and prices, asynchronous
//! orders deduplicated by external order id that become BOOKED after a few polls or a short
//! while, and cancellation. HTTP Basic (`starjack` / `sandbox-dta`) plus `x-contractor-id`.
//! Wire shapes: `tools/sandbox/PROVIDERS.md`.

use crate::state::Sandbox;
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use std::time::{SystemTime, UNIX_EPOCH};

const PARTY: &str = "skidata";
/// `Basic` of `starjack:sandbox-dta`, the one pair of demo credentials.
const DEMO_AUTHORIZATION: &str = "Basic c3RhcmphY2s6c2FuZGJveC1kdGE=";
/// The contractor of the demo operator Hochalm.
pub const DEMO_CONTRACTOR: &str = "C-HOCHALM";
/// An order is BOOKED at its this many-th look, or this long after it was placed.
const POLLS_TO_BOOK: u64 = 2;
const MILLIS_TO_BOOK: u64 = 1_500;

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new()
        .route("/skidata/products", get(products))
        .route("/skidata/orders", post(place_order))
        .route("/skidata/orders/{id}", get(read_order).delete(cancel_order))
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({"errorCode": code, "message": message}))).into_response()
}

/// The answer refusing a request without the demo credentials, if it lacks them.
fn refusal(headers: &HeaderMap) -> Option<Response> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if header("authorization") != Some(DEMO_AUTHORIZATION) {
        return Some(error(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            "wrong or missing Basic credentials",
        ));
    }
    if header("x-contractor-id") != Some(DEMO_CONTRACTOR) {
        return Some(error(
            StatusCode::FORBIDDEN,
            "UNKNOWN_CONTRACTOR",
            "unknown contractor id",
        ));
    }
    None
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default()
}

fn is_day(raw: &str) -> bool {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(raw, format).is_ok()
}

/// The demo catalogue: product, name, days valid, and gross prices per consumer category.
fn catalogue() -> Value {
    let category = |id: &str, name: &str, gross: f64| json!({"id": id, "name": name, "price": {"amountGross": gross, "amountNet": (gross / 1.1 * 100.0).round() / 100.0, "currencyCode": "EUR"}});
    json!([
        {"id": "DAY", "name": "Day pass", "validity": {"unit": "DAY", "value": 1}, "consumerCategories": [
            category("ADULT", "Adult", 59.5), category("CHILD", "Child", 30.0), category("SENIOR", "Senior", 52.0)]},
        {"id": "TWO_DAY", "name": "Two-day pass", "validity": {"unit": "DAY", "value": 2}, "consumerCategories": [
            category("ADULT", "Adult", 112.0), category("CHILD", "Child", 56.0), category("SENIOR", "Senior", 99.0)]}
    ])
}

#[derive(Deserialize)]
struct ValidFrom {
    #[serde(rename = "validFrom", default)]
    valid_from: String,
}

async fn products(headers: HeaderMap, Query(query): Query<ValidFrom>) -> Response {
    if let Some(refused) = refusal(&headers) {
        return refused;
    }
    if !is_day(&query.valid_from) {
        return error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATE",
            "validFrom must be YYYY-MM-DD",
        );
    }
    Json(json!({"validFrom": query.valid_from, "products": catalogue()})).into_response()
}

/// Why an order body is refused, if it is.
fn invalid_order(body: &Value) -> Option<&'static str> {
    let external = body["externalOrderId"].as_str().unwrap_or_default();
    if external.is_empty() || external.len() > 64 {
        return Some("externalOrderId is missing or too long");
    }
    let items = body["items"].as_array()?;
    if items.is_empty() {
        return Some("items is empty");
    }
    let products = catalogue();
    for item in items {
        let product = products
            .as_array()?
            .iter()
            .find(|p| p["id"] == item["productId"]);
        let Some(product) = product else {
            return Some("unknown productId");
        };
        let known_category = product["consumerCategories"]
            .as_array()?
            .iter()
            .any(|c| c["id"] == item["consumerCategoryId"]);
        if !known_category {
            return Some("unknown consumerCategoryId");
        }
        if !is_day(item["validFrom"].as_str().unwrap_or_default())
            || item["quantity"].as_u64() != Some(1)
        {
            return Some("validFrom must be YYYY-MM-DD and quantity 1");
        }
        if item["identification"]["chipId"]
            .as_str()
            .unwrap_or_default()
            .is_empty()
        {
            return Some("identification.chipId is missing");
        }
    }
    None
}

fn accepted(order: &Value) -> Response {
    let body = json!({
        "orderId": order["orderId"], "confirmationNumber": order["confirmationNumber"],
        "asynchronousExecutionToken": {"executionId": order["executionId"]},
    });
    (StatusCode::ACCEPTED, Json(body)).into_response()
}

async fn place_order(State(sandbox): State<Sandbox>, headers: HeaderMap, body: String) -> Response {
    if let Some(refused) = refusal(&headers) {
        return refused;
    }
    let Ok(body) = serde_json::from_str::<Value>(&body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "INVALID_JSON",
            "the body is not JSON",
        );
    };
    if let Some(reason) = invalid_order(&body) {
        return error(StatusCode::UNPROCESSABLE_ENTITY, "INVALID_ORDER", reason);
    }
    let external = body["externalOrderId"].as_str().unwrap_or_default();
    let dedup_key = format!("external:{DEMO_CONTRACTOR}:{external}");
    if let Some(order) = sandbox
        .get(PARTY, &dedup_key)
        .and_then(|id| sandbox.get(PARTY, id.as_str().unwrap_or_default()))
    {
        return accepted(&order);
    }
    let sequence = sandbox
        .get(PARTY, "sequence")
        .and_then(|v| v.as_u64())
        .unwrap_or(0)
        + 1;
    sandbox.put(PARTY, "sequence", json!(sequence));
    let order_id = format!("SKD-{sequence:06}");
    let order = json!({
        "orderId": order_id, "externalOrderId": external, "confirmationNumber": format!("CN-{sequence:06}"),
        "executionId": uuid::Uuid::new_v4().to_string(), "status": "PENDING", "polls": 0,
        "placedAtMs": now_ms(), "items": body["items"],
    });
    sandbox.put(PARTY, &order_id, order.clone());
    sandbox.put(PARTY, &dedup_key, json!(order_id));
    sandbox.record("dta.order", json!({"orderId": order_id, "externalOrderId": external, "contractorId": DEMO_CONTRACTOR, "items": body["items"]}));
    accepted(&order)
}

/// Where a pending order goes next: chips named `FAIL...` fail, `NEVER...` stay pending,
/// every other order is booked after a few looks or a short while.
fn advance(order: &mut Value) {
    if order["status"] != "PENDING" {
        return;
    }
    let polls = order["polls"].as_u64().unwrap_or(0) + 1;
    order["polls"] = json!(polls);
    let chips: Vec<String> = order["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item["identification"]["chipId"].as_str().map(str::to_owned))
        .collect();
    let elapsed = now_ms().saturating_sub(order["placedAtMs"].as_u64().unwrap_or(0));
    if chips.iter().any(|chip| chip.starts_with("NEVER")) {
        return;
    }
    if polls >= POLLS_TO_BOOK || elapsed >= MILLIS_TO_BOOK {
        let failed = chips.iter().any(|chip| chip.starts_with("FAIL"));
        order["status"] = json!(if failed { "FAILED" } else { "BOOKED" });
    }
}

fn view(order: &Value) -> Value {
    json!({"orderId": order["orderId"], "externalOrderId": order["externalOrderId"],
           "confirmationNumber": order["confirmationNumber"], "status": order["status"], "items": order["items"]})
}

async fn read_order(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Some(refused) = refusal(&headers) {
        return refused;
    }
    let Some(mut order) = sandbox
        .get(PARTY, &id)
        .filter(|o| o.get("orderId").is_some())
    else {
        return error(StatusCode::NOT_FOUND, "ORDER_NOT_FOUND", "no such order");
    };
    advance(&mut order);
    sandbox.put(PARTY, &id, order.clone());
    Json(view(&order)).into_response()
}

async fn cancel_order(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Some(refused) = refusal(&headers) {
        return refused;
    }
    let Some(mut order) = sandbox
        .get(PARTY, &id)
        .filter(|o| o.get("orderId").is_some())
    else {
        return error(StatusCode::NOT_FOUND, "ORDER_NOT_FOUND", "no such order");
    };
    if order["status"] == "FAILED" {
        return error(
            StatusCode::CONFLICT,
            "NOT_CANCELABLE",
            "a failed order cannot be cancelled",
        );
    }
    if order["status"] != "CANCELED" {
        order["status"] = json!("CANCELED");
        sandbox.put(PARTY, &id, order.clone());
        sandbox.record(
            "dta.cancel",
            json!({"orderId": id, "externalOrderId": order["externalOrderId"]}),
        );
    }
    Json(view(&order)).into_response()
}
