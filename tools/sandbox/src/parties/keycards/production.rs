//! Card production: one step every `keycard_step` and on demand
//! (`POST /_sandbox/keycards/{id}/advance[?to=STATUS]`), each change posted to our webhook as
//! a status event signed `X-Signature: sha256=HMAC(secret, timestamp + "." + body)`.

use super::api::problem;
use super::{Order, PARTY, Status};
use crate::derive;
use crate::outbound::Delivery;
use crate::state::Sandbox;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

/// Why an order did not move.
enum Refusal {
    NotFound,
    /// The order was replaced (a reset and a new order of the same id) since the timer started.
    Replaced,
    Final(Status),
    Backwards(Status),
}

/// Announces a new order and, if steps are timed, produces it in the background.
pub(super) fn start(sandbox: &Sandbox, order: &Order) {
    let (sandbox, order) = (sandbox.clone(), order.clone());
    tokio::spawn(async move {
        notify(&sandbox, &order).await;
        let Some(step) = sandbox.settings().keycard_step else {
            return;
        };
        loop {
            tokio::time::sleep(step).await;
            match advance(&sandbox, &order.card_order_id, Some(&order.nonce), None) {
                Ok(moved) => {
                    notify(&sandbox, &moved).await;
                    if moved.status.is_final() {
                        return;
                    }
                }
                Err(_) => return,
            }
        }
    });
}

#[derive(Deserialize)]
pub(super) struct Target {
    to: Option<String>,
}

/// `POST /_sandbox/keycards/{id}/advance[?to=STATUS]`: one step, or straight to `to` (FAILED
/// from any open status); answers once the webhook has answered.
pub(super) async fn advance_on_demand(
    State(sandbox): State<Sandbox>,
    Path(id): Path<String>,
    Query(target): Query<Target>,
) -> Response {
    let to = match target.to.as_deref().map(|to| (to, Status::parse(to))) {
        None => None,
        Some((_, Some(status))) => Some(status),
        Some((raw, None)) => {
            let message = format!("unknown status {raw}");
            return problem(StatusCode::BAD_REQUEST, "invalid_request", &message);
        }
    };
    match advance(&sandbox, &id, None, to) {
        Ok(order) => {
            let webhook = notify(&sandbox, &order).await;
            Json(json!({
                "order": order.view(),
                "webhook": webhook.map(|delivery| delivery.to_json()),
            }))
            .into_response()
        }
        Err(Refusal::NotFound | Refusal::Replaced) => {
            problem(StatusCode::NOT_FOUND, "not_found", "no such card order")
        }
        Err(Refusal::Final(status) | Refusal::Backwards(status)) => {
            let message = format!("the order is {} and cannot go there", status.name());
            problem(StatusCode::CONFLICT, "conflict", &message)
        }
    }
}

/// Moves order `id` one step (or to `to`) atomically and records the change.
fn advance(
    sandbox: &Sandbox,
    id: &str,
    nonce: Option<&str>,
    to: Option<Status>,
) -> Result<Order, Refusal> {
    let moved = sandbox.update(PARTY, id, |stored| {
        let mut order: Order = stored
            .clone()
            .and_then(|v| serde_json::from_value(v).ok())
            .ok_or(Refusal::NotFound)?;
        if nonce.is_some_and(|nonce| nonce != order.nonce) {
            return Err(Refusal::Replaced);
        }
        if order.status.is_final() {
            return Err(Refusal::Final(order.status));
        }
        order.status = match to {
            None => order.status.next().ok_or(Refusal::Final(order.status))?,
            Some(to) if to > order.status => to,
            Some(_) => return Err(Refusal::Backwards(order.status)),
        };
        *stored = serde_json::to_value(&order).ok();
        Ok(order)
    })?;
    sandbox.record("keycard.status", moved.view());
    Ok(moved)
}

/// Posts the order's status event to the webhook URL, if one is set, and records the answer.
async fn notify(sandbox: &Sandbox, order: &Order) -> Option<Delivery> {
    let settings = sandbox.settings();
    let url = settings.keycard_webhook_url.as_deref()?;
    let now = time::OffsetDateTime::now_utc();
    let mut event = order.view();
    if let Some(object) = event.as_object_mut() {
        let occurred_at = now
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        object.insert("occurredAt".into(), json!(occurred_at));
    }
    let body = event.to_string();
    let timestamp = now.unix_timestamp().to_string();
    let signature = derive::webhook_signature(&settings.keycard_webhook_secret, &timestamp, &body);
    let delivery = sandbox
        .outbound()
        .post_json(
            url,
            body,
            &[("x-timestamp", timestamp), ("x-signature", signature)],
        )
        .await;
    let mut record = json!({
        "cardOrderId": order.card_order_id, "status": order.status, "url": url, "event": event,
    });
    if let (Some(record), Value::Object(outcome)) = (record.as_object_mut(), delivery.to_json()) {
        record.extend(outcome);
    }
    sandbox.record("keycard.webhook", record);
    Some(delivery)
}
