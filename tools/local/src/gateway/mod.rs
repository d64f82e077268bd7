//! The local API Gateway (HTTP API): routes requests by method and path to their function as
//! payload format 2.0 events, throttles routes, caps the integration's time, and turns the
//! function's answer back into HTTP.

mod event;
mod response;
mod route;
mod throttle;

pub use event::event;
pub use response::response;
pub use route::{Route, find};
pub use throttle::{Bucket, Limits};

use crate::lambda::Function;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Response, StatusCode, Uri};
use response::message;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// The most a request body may carry into a function (the Lambda payload limit).
const MAX_PAYLOAD: usize = 6 * 1024 * 1024;

/// The HTTP API's longest integration timeout.
pub const MAX_INTEGRATION_TIMEOUT: Duration = Duration::from_secs(30);

/// The routes of the stack's HTTP API and how it treats them.
pub struct Gateway {
    pub routes: Vec<Route<Arc<Function>>>,
    /// Buckets by route key (`POST /logs/frontend`); `default` for routes without their own.
    pub buckets: HashMap<String, Bucket>,
    pub default_bucket: Option<Bucket>,
    /// How long a request waits for the function's answer (at most 30 s).
    pub integration_timeout: Duration,
    /// How long a request waits for a free instance before Lambda throttles it.
    pub instance_wait: Duration,
}

impl Gateway {
    /// Serves one request: 404 without a route, 429 over the route's throttle, 413 over the
    /// payload limit, 503 when the function does not answer within the integration timeout.
    pub async fn serve(
        &self,
        method: Method,
        uri: Uri,
        headers: HeaderMap,
        body: Bytes,
    ) -> Response<Body> {
        let Some((route, params)) = find(&self.routes, method.as_str(), uri.path()) else {
            return message(StatusCode::NOT_FOUND, "Not Found");
        };
        let bucket = self
            .buckets
            .get(&route.key())
            .or(self.default_bucket.as_ref());
        if bucket.is_some_and(|bucket| !bucket.take()) {
            return message(StatusCode::TOO_MANY_REQUESTS, "Too Many Requests");
        }
        if body.len() > MAX_PAYLOAD {
            return message(StatusCode::PAYLOAD_TOO_LARGE, "Request Entity Too Large");
        }
        let event = event(route, params, &method, &uri, &headers, &body);
        let function = route.target.clone();
        let wait = self.instance_wait;
        // The invocation runs on when the gateway gives up, as it does on Lambda.
        let invocation = tokio::spawn(async move { function.invoke_within(&event, wait).await });
        match tokio::time::timeout(
            self.integration_timeout.min(MAX_INTEGRATION_TIMEOUT),
            invocation,
        )
        .await
        {
            Ok(Ok(result)) => response(result),
            Ok(Err(err)) => {
                eprintln!("local: the invocation of {} failed: {err}", route.key());
                response(Err(crate::lambda::InvokeError::Crashed(err.to_string())))
            }
            Err(_) => response::integration_timeout(),
        }
    }
}

#[cfg(test)]
mod tests;
