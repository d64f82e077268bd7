//! The `frontend-logs` function: `POST /logs/frontend` takes a batch of the browser's log
//! events into the front-end log group; `GET /logs/status` checks that group.
//!
//! The route is public (errors happen before sign-in too); what limits it is the body size
//! (64 KiB), the batch size, per-field lengths, the time window, and API Gateway's throttling.

use super::alerts::Clock;
use crate::domain::frontend::Batch;
use crate::error::LogsFailure;
use crate::ports::LogSink;
use http::StatusCode;
use shared::http::{Body, HandlerResult, Request, Response, json, json_body, no_route, route_key};
use shared::status;

/// The function's sink and clock, built once in `main`.
pub struct Frontend<S> {
    pub sink: S,
    pub clock: Clock,
}

impl<S: LogSink + Sync> Frontend<S> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<LogsFailure> {
        match route_key(&request) {
            "POST /logs/frontend" => self.ingest(&request).await,
            "GET /logs/status" => Ok(status::report(
                "logs",
                vec![status::check("frontend_log_group", self.sink.check())],
            )
            .await),
            _ => Err(no_route(&request).into()),
        }
    }

    async fn ingest(&self, request: &Request) -> Result<Response<Body>, LogsFailure> {
        let batch: Batch = json_body(request)?;
        let events = batch.validate((self.clock)())?;
        self.sink.put(&events).await?;
        tracing::info!(event = "frontend.events_written", count = events.len());
        Ok(json(
            StatusCode::ACCEPTED,
            &serde_json::json!({"accepted": events.len()}),
        ))
    }
}
