//! HTTP plumbing for API Gateway (HTTP API) functions: the request span and correlation id,
//! routing by route key, JSON bodies in and out, and one error type.

mod answer;
mod error;
mod failure;

pub use answer::Answer;
pub use error::{ApiError, cause_chain};
pub use failure::{Failure, OwnError};
pub use lambda_http::{Body, Request, RequestExt, Response};

use crate::correlation::{self, CorrelationId};
use http::{HeaderValue, StatusCode};
use lambda_http::request::RequestContext;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;
use tracing::Instrument;

/// The largest JSON request body a handler parses.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// What a route handler returns.
pub type HandlerResult<E = ApiError> = Result<Response<Body>, E>;

/// Runs `handler` behind the Lambda Runtime API until the process ends.
pub async fn run<H, Fut, E>(handler: H) -> Result<(), lambda_http::Error>
where
    H: Fn(Request) -> Fut + Sync,
    Fut: Future<Output = HandlerResult<E>> + Send,
    E: Into<ApiError>,
{
    lambda_http::run(lambda_http::service_fn(|request| async {
        Ok::<_, std::convert::Infallible>(serve(&handler, request).await)
    }))
    .await
}

/// Handles one request: opens the request span with request and correlation ids, runs the
/// handler with the correlation id as current, renders errors, and echoes the correlation id.
pub async fn serve<H, Fut, E>(handler: &H, request: Request) -> Response<Body>
where
    H: Fn(Request) -> Fut,
    Fut: Future<Output = HandlerResult<E>>,
    E: Into<ApiError>,
{
    let correlation_id = CorrelationId::from_incoming(header(&request, correlation::HEADER));
    let request_id = request
        .lambda_context_ref()
        .map(|context| context.request_id.clone())
        .unwrap_or_default();
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        correlation_id = %correlation_id,
        route = %route_key(&request),
    );
    let result = correlation_id
        .clone()
        .scope(handler(request))
        .instrument(span.clone())
        .await;
    let mut response = result.unwrap_or_else(|err| span.in_scope(|| err.into().into_response()));
    if let Ok(value) = HeaderValue::from_str(correlation_id.as_str()) {
        response.headers_mut().insert(correlation::HEADER, value);
    }
    response
}

/// The API Gateway route key, such as `POST /auth/signup`; empty outside API Gateway.
pub fn route_key(request: &Request) -> &str {
    match request.request_context_ref() {
        Some(RequestContext::ApiGatewayV2(context)) => context.route_key.as_deref().unwrap_or(""),
        _ => "",
    }
}

/// The answer for a route key no handler serves.
pub fn no_route(request: &Request) -> ApiError {
    ApiError::not_found(format!("no route for {}", route_key(request)))
}

/// When Lambda will end this invocation (its context's deadline), as an instant; `None` outside
/// Lambda, where no deadline is given.
pub fn deadline(request: &Request) -> Option<tokio::time::Instant> {
    let context = request.lambda_context_ref().filter(|c| c.deadline > 0)?;
    let left = context
        .deadline()
        .duration_since(std::time::SystemTime::now())
        .unwrap_or_default();
    Some(tokio::time::Instant::now() + left)
}

/// A header's value, if present and valid text.
pub fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
}

/// A path parameter that API Gateway extracted, such as `{id}`.
pub fn path_param(request: &Request, name: &str) -> Result<String, ApiError> {
    request
        .path_parameters_ref()
        .and_then(|params| params.first(name))
        .map(str::to_owned)
        .ok_or_else(|| ApiError::invalid(format!("path parameter {name} is missing")))
}

/// A query parameter, or 400 naming it.
pub fn query_param<'r>(request: &'r Request, name: &str) -> Result<&'r str, ApiError> {
    request
        .query_string_parameters_ref()
        .and_then(|params| params.first(name))
        .ok_or_else(|| ApiError::invalid(format!("query parameter {name} is missing")))
}

/// A query parameter that may be left out.
pub fn optional_query<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request
        .query_string_parameters_ref()
        .and_then(|params| params.first(name))
}

/// Parses the JSON body into `T`, refusing empty, oversized and malformed bodies with a 4xx
/// whose message says what is wrong.
pub fn json_body<T: DeserializeOwned>(request: &Request) -> Result<T, ApiError> {
    let bytes = request.body().as_ref();
    if bytes.is_empty() {
        return Err(ApiError::invalid(
            "request body is empty; a JSON object is expected",
        ));
    }
    if bytes.len() > MAX_BODY_BYTES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("request body exceeds {MAX_BODY_BYTES} bytes"),
        ));
    }
    let content_type = header(request, "content-type").map(str::to_ascii_lowercase);
    if content_type.is_some_and(|value| !value.starts_with("application/json")) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "request body must be application/json",
        ));
    }
    serde_json::from_slice(bytes)
        .map_err(|err| ApiError::invalid(format!("request body is not valid: {err}")))
}

/// A JSON response with the given status.
pub fn json<T: Serialize + ?Sized>(status: StatusCode, body: &T) -> Response<Body> {
    let text = serde_json::to_string(body).unwrap_or_else(|_| "null".to_owned());
    let mut response = Response::new(Body::Text(text));
    *response.status_mut() = status;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// An empty response with the given status, such as 204.
pub fn empty(status: StatusCode) -> Response<Body> {
    let mut response = Response::new(Body::Empty);
    *response.status_mut() = status;
    response
}

#[cfg(test)]
mod tests;
