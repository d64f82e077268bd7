//! A function's answer (or failure) as the HTTP response API Gateway gives.

use crate::lambda::InvokeError;
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Response, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

pub(super) fn message(status: StatusCode, text: &str) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(json!({"message": text}).to_string()))
        .unwrap_or_default()
}

/// What an HTTP API answers when the integration does not answer in time (the 30 s cap).
pub fn integration_timeout() -> Response<Body> {
    message(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable")
}

fn internal_error() -> Response<Body> {
    message(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error")
}

/// The HTTP answer for a function's result, as an HTTP API builds it: every failure of the
/// function (error, crash, timeout, out of memory, throttling) and every malformed answer is
/// a 500 `{"message":"Internal Server Error"}`.
pub fn response(result: Result<Value, InvokeError>) -> Response<Body> {
    let Ok(answer) = result else {
        return internal_error();
    };
    let Some(status) = answer.get("statusCode") else {
        return Response::builder()
            .header("content-type", "application/json")
            .body(Body::from(answer.to_string()))
            .unwrap_or_default();
    };
    let Some(status) = status
        .as_u64()
        .and_then(|s| StatusCode::from_u16(s as u16).ok())
    else {
        return internal_error();
    };
    let body = match (
        &answer["body"],
        answer["isBase64Encoded"].as_bool().unwrap_or(false),
    ) {
        (Value::String(text), true) => match STANDARD.decode(text) {
            Ok(bytes) => bytes,
            Err(_) => return internal_error(),
        },
        (Value::String(text), false) => text.clone().into_bytes(),
        _ => Vec::new(),
    };
    let mut builder = Response::builder().status(status);
    if let Some(headers) = builder.headers_mut() {
        for (name, value) in answer["headers"].as_object().into_iter().flatten() {
            if let (Ok(name), Some(Ok(value))) = (
                HeaderName::try_from(name.as_str()),
                value.as_str().map(HeaderValue::try_from),
            ) {
                headers.insert(name, value);
            }
        }
        for (name, values) in answer["multiValueHeaders"]
            .as_object()
            .into_iter()
            .flatten()
        {
            for value in values
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if let (Ok(name), Ok(value)) = (
                    HeaderName::try_from(name.as_str()),
                    HeaderValue::try_from(value),
                ) {
                    headers.append(name, value);
                }
            }
        }
        for cookie in answer["cookies"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if let Ok(value) = HeaderValue::try_from(cookie) {
                headers.append("set-cookie", value);
            }
        }
    }
    builder.body(Body::from(body)).unwrap_or_default()
}
