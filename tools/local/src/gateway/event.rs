//! A request as the API Gateway HTTP API (payload format 2.0) event a function receives.

use super::route::{Route, decode};
use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Uri};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

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
