//! The web shop's return pages: where Mpay24 sends a customer after paying or declining
//! (`/shop/orders/{order_id}?payment=success|error`). The real shop shows the order; this one
//! says which page was reached, for a person or a script following the redirect.

use crate::html::{escape, page};
use crate::state::Sandbox;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new().route("/shop/orders/{order_id}", get(order))
}

#[derive(Deserialize)]
struct Outcome {
    payment: Option<String>,
}

async fn order(Path(order_id): Path<String>, Query(outcome): Query<Outcome>) -> Response {
    let said = match outcome.payment.as_deref() {
        Some("success") => "Thank you: your payment went through. Your tickets are on their way.",
        Some("error") => "Your payment did not go through. You can try again from your order.",
        _ => "Your order.",
    };
    let body = format!(
        "<p>Order <code>{}</code></p><p>{}</p>",
        escape(&order_id),
        escape(said)
    );
    page("Starjack shop", &body, None)
}
