//! The local API Gateway (HTTP API): routes requests by method and path to their function as
//! payload format 2.0 events, and turns the function's answer back into HTTP.

use crate::lambda::{Function, InvokeError};
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, Response, StatusCode, Uri};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::sync::Arc;

/// The most a request body may carry into a function (the Lambda payload limit).
const MAX_PAYLOAD: usize = 6 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Literal(String),
    Param(String),
    Greedy(String),
}

/// One `HttpApi` event: `METHOD /path/{param}/{rest+}` to a function.
pub struct Route<T> {
    method: String,
    path: String,
    segments: Vec<Segment>,
    pub target: T,
}

impl<T> Route<T> {
    pub fn new(method: &str, path: &str, target: T) -> Self {
        let segments = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(
                |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => match name.strip_suffix('+') {
                        Some(greedy) => Segment::Greedy(greedy.to_owned()),
                        None => Segment::Param(name.to_owned()),
                    },
                    None => Segment::Literal(s.to_owned()),
                },
            )
            .collect();
        Self {
            method: method.to_uppercase(),
            path: path.to_owned(),
            segments,
            target,
        }
    }

    pub fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// The path parameters if `path` matches, and how specific the match is.
    fn capture(
        &self,
        method: &str,
        path: &[&str],
    ) -> Option<(HashMap<String, String>, (usize, bool))> {
        if self.method != "ANY" && self.method != method {
            return None;
        }
        let mut params = HashMap::new();
        let mut literals = 0;
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Greedy(name) => {
                    if i >= path.len() {
                        return None;
                    }
                    params.insert(name.clone(), path[i..].join("/"));
                    return Some((params, (literals, self.method != "ANY")));
                }
                _ if i >= path.len() => return None,
                Segment::Literal(text) if text == path[i] => literals += 1,
                Segment::Literal(_) => return None,
                Segment::Param(name) => {
                    params.insert(name.clone(), decode(path[i]));
                }
            }
        }
        (path.len() == self.segments.len())
            .then_some((params, (literals + 1000, self.method != "ANY")))
    }
}

fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The route for `method` and `path`, the most specific first, with its path parameters.
pub fn find<'r, T>(
    routes: &'r [Route<T>],
    method: &str,
    path: &str,
) -> Option<(&'r Route<T>, HashMap<String, String>)> {
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    routes
        .iter()
        .filter_map(|route| {
            route
                .capture(method, &parts)
                .map(|(params, rank)| (route, params, rank))
        })
        .max_by_key(|(_, _, rank)| *rank)
        .map(|(route, params, _)| (route, params))
}

/// The API Gateway HTTP API (2.0) event for a request.
pub fn event<T>(
    route: &Route<T>,
    params: HashMap<String, String>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
) -> Value {
    let mut header_map: Map<String, Value> = Map::new();
    for name in headers.keys() {
        let values: Vec<&str> = headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        if name != "cookie" {
            header_map.insert(name.as_str().to_owned(), Value::String(values.join(",")));
        }
    }
    let cookies: Vec<String> = headers
        .get_all("cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';').map(|c| c.trim().to_owned()))
        .filter(|c| !c.is_empty())
        .collect();
    let raw_query = uri.query().unwrap_or_default();
    let mut query: Map<String, Value> = Map::new();
    for pair in raw_query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (
            decode(&key.replace('+', " ")),
            decode(&value.replace('+', " ")),
        );
        match query.get_mut(&key) {
            Some(Value::String(existing)) => {
                existing.push(',');
                existing.push_str(&value);
            }
            _ => {
                query.insert(key, Value::String(value));
            }
        }
    }
    let (body_value, is_base64) = match std::str::from_utf8(body) {
        _ if body.is_empty() => (Value::Null, false),
        Ok(text) => (Value::String(text.to_owned()), false),
        Err(_) => (Value::String(STANDARD.encode(body)), true),
    };
    let now = time::OffsetDateTime::now_utc();
    let request_id = uuid::Uuid::new_v4().to_string();
    let source_ip = headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1");
    let user_agent = headers
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut event = json!({
        "version": "2.0",
        "routeKey": route.key(),
        "rawPath": uri.path(),
        "rawQueryString": raw_query,
        "headers": header_map,
        "requestContext": {
            "accountId": crate::template::ACCOUNT, "apiId": "local",
            "domainName": headers.get("host").and_then(|v| v.to_str().ok()).unwrap_or("127.0.0.1"),
            "domainPrefix": "local",
            "http": {"method": method.as_str(), "path": uri.path(), "protocol": "HTTP/1.1", "sourceIp": source_ip, "userAgent": user_agent},
            "requestId": request_id, "routeKey": route.key(), "stage": "$default",
            "time": now.format(time::macros::format_description!("[day]/[month repr:short]/[year]:[hour]:[minute]:[second] +0000")).unwrap_or_default(),
            "timeEpoch": now.unix_timestamp() * 1000 + i64::from(now.millisecond()),
        },
        "isBase64Encoded": is_base64,
    });
    if !cookies.is_empty() {
        event["cookies"] = json!(cookies);
    }
    if !query.is_empty() {
        event["queryStringParameters"] = Value::Object(query);
    }
    if !params.is_empty() {
        event["pathParameters"] = json!(params);
    }
    if !body_value.is_null() {
        event["body"] = body_value;
    }
    event
}

fn message(status: StatusCode, text: &str) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(json!({"message": text}).to_string()))
        .unwrap_or_default()
}

/// The HTTP answer for a function's result, as API Gateway builds it.
pub fn response(result: Result<Value, InvokeError>) -> Response<Body> {
    let answer = match result {
        Ok(answer) => answer,
        Err(InvokeError::Timeout(_)) => {
            return message(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable");
        }
        Err(_) => return message(StatusCode::BAD_GATEWAY, "Internal Server Error"),
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
        return message(StatusCode::BAD_GATEWAY, "Internal Server Error");
    };
    let body = match (
        &answer["body"],
        answer["isBase64Encoded"].as_bool().unwrap_or(false),
    ) {
        (Value::String(text), true) => match STANDARD.decode(text) {
            Ok(bytes) => bytes,
            Err(_) => return message(StatusCode::BAD_GATEWAY, "Internal Server Error"),
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
