//! The payment page `/mpay24/pay/{mpayTID}` and its two buttons: paying (BILLED) or declining
//! (ERROR) calls the merchant's confirmation URL, then sends the browser on with a 303.

use super::{Status, Transaction, amount_text};
use crate::html::{escape, page as html_page};
use crate::state::Sandbox;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// `GET /mpay24/pay/{mpayTID}`: the order, its amount, and Pay / Decline while still open.
pub(super) async fn page(State(sandbox): State<Sandbox>, Path(mpay_tid): Path<String>) -> Response {
    let Some(t) = Transaction::load(&sandbox, &mpay_tid) else {
        return not_found(&mpay_tid);
    };
    let id = escape(&t.mpay_tid);
    let buttons = if t.status == Status::Init {
        format!(
            r#"<form method="post" action="/mpay24/pay/{id}/confirm" style="display:inline"><button type="submit">Pay</button></form>
<form method="post" action="/mpay24/pay/{id}/decline" style="display:inline"><button type="submit">Decline</button></form>"#
        )
    } else {
        format!(
            "<p>This payment is <strong>{}</strong>.</p>",
            t.status.as_str()
        )
    };
    let body = format!(
        r#"<article><p class="meta">mpayTID {id} · order (TID) {tid}</p>
<p>{description}</p><p style="font-size:1.6rem">{amount} {currency}</p>
<p class="meta">Card: VISA (sandbox) · status {status}</p>{buttons}</article>
<p class="meta">Paying calls {confirmation} and then goes to {success}; declining goes to {error}.</p>"#,
        tid = escape(&t.tid),
        description = escape(t.description.as_deref().unwrap_or("")),
        amount = amount_text(t.price_cents),
        currency = escape(&t.currency),
        status = t.status.as_str(),
        confirmation = escape(&t.confirmation_url),
        success = escape(&t.success_url),
        error = escape(&t.error_url),
    );
    html_page("Mpay24 sandbox payment", &body, None)
}

/// `POST /mpay24/pay/{mpayTID}/confirm`: the customer pays.
pub(super) async fn confirm(
    State(sandbox): State<Sandbox>,
    Path(mpay_tid): Path<String>,
) -> Response {
    settle(&sandbox, &mpay_tid, Status::Billed).await
}

/// `POST /mpay24/pay/{mpayTID}/decline`: the payment fails.
pub(super) async fn decline(
    State(sandbox): State<Sandbox>,
    Path(mpay_tid): Path<String>,
) -> Response {
    settle(&sandbox, &mpay_tid, Status::Error).await
}

async fn settle(sandbox: &Sandbox, mpay_tid: &str, outcome: Status) -> Response {
    let settled = Transaction::update(sandbox, mpay_tid, |t| {
        if t.status != Status::Init {
            return Err(t.status);
        }
        t.status = outcome;
        Ok(t.clone())
    });
    let t = match settled {
        None => return not_found(mpay_tid),
        Some(Err(status)) => {
            let body = format!(
                "<p>Payment {} is already {}.</p>",
                escape(mpay_tid),
                status.as_str()
            );
            let mut response = html_page("Mpay24 sandbox payment", &body, None);
            *response.status_mut() = StatusCode::CONFLICT;
            return response;
        }
        Some(Ok(t)) => t,
    };
    let (url, delivery) = match reqwest::Url::parse(&t.confirmation_url) {
        Ok(mut url) => {
            url.query_pairs_mut()
                .extend_pairs(t.parameters().iter().map(|(k, v)| (*k, v.as_str())));
            let delivery = sandbox.outbound().get(url.as_str()).await;
            (url.to_string(), delivery)
        }
        Err(err) => (
            t.confirmation_url.clone(),
            crate::outbound::Delivery::Failed(err.to_string()),
        ),
    };
    let mut data = json!({
        "mpayTID": t.mpay_tid, "tid": t.tid, "status": t.status, "url": url,
    });
    if let (Some(data), serde_json::Value::Object(outcome)) =
        (data.as_object_mut(), delivery.to_json())
    {
        data.extend(outcome);
    }
    sandbox.record("payment.confirmation", data);
    let target = if outcome == Status::Billed {
        &t.success_url
    } else {
        &t.error_url
    };
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, target.clone()),
            (
                header::HeaderName::from_static("x-sandbox-callback-status"),
                delivery.status_text(),
            ),
        ],
    )
        .into_response()
}

fn not_found(mpay_tid: &str) -> Response {
    let body = format!("<p>No payment {} here.</p>", escape(mpay_tid));
    let mut response = html_page("Mpay24 sandbox payment", &body, None);
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}
