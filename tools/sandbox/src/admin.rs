//! The sandbox's own API under `/_sandbox`: records, faults, reset.

use crate::faults::Fault;
use crate::state::{Record, Sandbox};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new()
        .route("/records", get(records))
        .route("/faults", post(add_fault).delete(clear_faults))
        .route("/reset", post(reset))
}

#[derive(Deserialize)]
struct Kind {
    #[serde(default)]
    kind: String,
}

/// `GET /_sandbox/records?kind=mail`: what was received, oldest first.
async fn records(State(sandbox): State<Sandbox>, Query(kind): Query<Kind>) -> Json<Vec<Record>> {
    Json(sandbox.records(&kind.kind))
}

/// `POST /_sandbox/faults` with a [`Fault`].
async fn add_fault(State(sandbox): State<Sandbox>, Json(fault): Json<Fault>) -> StatusCode {
    sandbox.add_fault(fault);
    StatusCode::CREATED
}

async fn clear_faults(State(sandbox): State<Sandbox>) -> StatusCode {
    sandbox.clear_faults();
    StatusCode::NO_CONTENT
}

async fn reset(State(sandbox): State<Sandbox>) -> StatusCode {
    sandbox.reset();
    StatusCode::NO_CONTENT
}
