//! The local API Gateway (HTTP API): routes requests by method and path to their function as
//! payload format 2.0 events, and turns the function's answer back into HTTP.

mod event;
mod response;
mod route;

pub use event::event;
pub use response::response;
pub use route::{Route, find};

use crate::lambda::Function;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Response, StatusCode, Uri};
use response::message;
use std::sync::Arc;

/// The most a request body may carry into a function (the Lambda payload limit).
const MAX_PAYLOAD: usize = 6 * 1024 * 1024;

/// Serves one request: 404 without a route, 413 over the payload limit.
pub async fn serve(
    routes: &[Route<Arc<Function>>],
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response<Body> {
    let Some((route, params)) = find(routes, method.as_str(), uri.path()) else {
        return message(StatusCode::NOT_FOUND, "Not Found");
    };
    if body.len() > MAX_PAYLOAD {
        return message(StatusCode::PAYLOAD_TOO_LARGE, "Request Entity Too Large");
    }
    let event = event(route, params, &method, &uri, &headers, &body);
    response(route.target.invoke(&event).await)
}

#[cfg(test)]
mod tests;
