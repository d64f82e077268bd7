//! Fault injection: a request matching a fault gets its status, delay or malformed body
//! instead of (or before) the party's real answer.

use crate::state::Sandbox;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Response, StatusCode, header};
use axum::middleware::Next;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// One fault, as posted to `POST /_sandbox/faults`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    /// Applies to requests whose path starts with this, e.g. `/skidata/orders`.
    pub path_prefix: String,
    /// Only this method, if given.
    #[serde(default)]
    pub method: Option<String>,
    /// Answer with this status instead of the real answer.
    #[serde(default)]
    pub status: Option<u16>,
    /// Wait this long before answering.
    #[serde(default)]
    pub delay_ms: Option<u64>,
    /// Answer with a body that is not what the party would send.
    #[serde(default)]
    pub malformed: bool,
    /// Applies this many times, then disappears; forever if absent.
    #[serde(default)]
    pub times: Option<u32>,
    /// Adds `Retry-After: <seconds>` to the faulted answer (a 429 or 503, say).
    #[serde(default)]
    pub retry_after: Option<u64>,
}

impl Fault {
    pub(crate) fn matches(&self, method: &str, path: &str) -> bool {
        path.starts_with(&self.path_prefix)
            && self
                .method
                .as_deref()
                .is_none_or(|wanted| wanted.eq_ignore_ascii_case(method))
    }
}

/// The middleware: the admin API is never faulted.
pub(crate) async fn inject(
    State(sandbox): State<Sandbox>,
    request: Request,
    next: Next,
) -> Response<Body> {
    let path = request.uri().path().to_owned();
    if path.starts_with("/_sandbox") {
        return next.run(request).await;
    }
    let Some(fault) = sandbox.take_fault(request.method().as_str(), &path) else {
        return next.run(request).await;
    };
    if let Some(delay) = fault.delay_ms {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let status = fault.status.and_then(|s| StatusCode::from_u16(s).ok());
    let answer = if fault.malformed {
        Response::builder()
            .status(status.unwrap_or(StatusCode::OK))
            .header("content-type", "application/json")
            .body(Body::from("{\"this is\": not what you expected"))
    } else if let Some(status) = status {
        Response::builder()
            .status(status)
            .body(Body::from(format!("sandbox fault: {status}")))
    } else {
        return next.run(request).await;
    };
    let mut answer = answer.unwrap_or_default();
    if let Some(seconds) = fault.retry_after {
        answer
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    answer
}
