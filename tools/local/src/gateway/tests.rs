use super::*;
use crate::lambda::InvokeError;
use axum::http::HeaderValue;
use response::integration_timeout;
use serde_json::{Value, json};

fn routes() -> Vec<Route<&'static str>> {
    vec![
        Route::new("GET", "/liftoperators/{id}", "read"),
        Route::new("GET", "/liftoperators/status", "status"),
        Route::new("POST", "/liftoperators/{id}/bookings", "book"),
        Route::new("ANY", "/files/{proxy+}", "files"),
        Route::new("GET", "/files/{proxy+}", "get-files"),
    ]
}

#[test]
fn a_literal_route_wins_over_a_parameter() {
    let routes = routes();
    assert_eq!(
        find(&routes, "GET", "/liftoperators/status")
            .unwrap()
            .0
            .target,
        "status"
    );
    let (route, params) = find(&routes, "GET", "/liftoperators/op-1").unwrap();
    assert_eq!(route.target, "read");
    assert_eq!(params["id"], "op-1");
}

#[test]
fn methods_must_match_and_unknown_paths_have_no_route() {
    let routes = routes();
    assert!(find(&routes, "DELETE", "/liftoperators/op-1").is_none());
    assert!(find(&routes, "GET", "/liftoperators").is_none());
    assert!(find(&routes, "GET", "/liftoperators/op-1/extra").is_none());
}

#[test]
fn a_greedy_parameter_takes_the_rest_and_a_specific_method_beats_any() {
    let routes = routes();
    let (route, params) = find(&routes, "GET", "/files/a/b%20c").unwrap();
    assert_eq!(route.target, "get-files");
    assert_eq!(params["proxy"], "a/b%20c");
    assert_eq!(find(&routes, "PUT", "/files/x").unwrap().0.target, "files");
}

#[test]
fn a_request_becomes_a_payload_2_0_event() {
    let routes = routes();
    let (route, params) = find(&routes, "POST", "/liftoperators/op%2D1/bookings").unwrap();
    let mut headers = HeaderMap::new();
    headers.insert("content-type", HeaderValue::from_static("application/json"));
    headers.append("x-multi", HeaderValue::from_static("a"));
    headers.append("x-multi", HeaderValue::from_static("b"));
    headers.insert("cookie", HeaderValue::from_static("s=1; t=2"));
    let uri: Uri = "/liftoperators/op%2D1/bookings?date=2026-12-24&x=1&x=2"
        .parse()
        .unwrap();
    let event = event(
        route,
        params,
        &Method::POST,
        &uri,
        &headers,
        &Bytes::from_static(b"{\"a\":1}"),
    );
    assert_eq!(event["version"], "2.0");
    assert_eq!(event["routeKey"], "POST /liftoperators/{id}/bookings");
    assert_eq!(
        event["requestContext"]["routeKey"],
        "POST /liftoperators/{id}/bookings"
    );
    assert_eq!(event["pathParameters"]["id"], "op-1");
    assert_eq!(event["queryStringParameters"]["date"], "2026-12-24");
    assert_eq!(event["queryStringParameters"]["x"], "1,2");
    assert_eq!(event["headers"]["x-multi"], "a,b");
    assert_eq!(event["cookies"], json!(["s=1", "t=2"]));
    assert_eq!(event["body"], "{\"a\":1}");
    assert_eq!(event["isBase64Encoded"], false);
    let request = lambda_http_request(&event);
    assert_eq!(request, "POST /liftoperators/{id}/bookings");
}

fn lambda_http_request(event: &Value) -> String {
    let parsed: aws_lambda_events::apigw::ApiGatewayV2httpRequest =
        serde_json::from_value(event.clone()).unwrap();
    parsed.route_key.unwrap_or_default()
}

#[test]
fn a_binary_body_is_sent_as_base64() {
    let routes = routes();
    let (route, params) = find(&routes, "PUT", "/files/x").unwrap();
    let uri: Uri = "/files/x".parse().unwrap();
    let event = event(
        route,
        params,
        &Method::PUT,
        &uri,
        &HeaderMap::new(),
        &Bytes::from_static(&[0xff, 0x00]),
    );
    assert_eq!(event["isBase64Encoded"], true);
    assert_eq!(event["body"], "/wA=");
}

#[test]
fn a_function_answer_becomes_status_headers_cookies_and_body() {
    let answer = json!({
        "statusCode": 201, "headers": {"content-type": "application/json"},
        "multiValueHeaders": {"x-a": ["1", "2"]}, "cookies": ["a=1", "b=2"],
        "body": "eyJvayI6dHJ1ZX0=", "isBase64Encoded": true
    });
    let response = response(Ok(answer));
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers().get_all("set-cookie").iter().count(), 2);
    assert_eq!(response.headers().get_all("x-a").iter().count(), 2);
}

#[test]
fn every_function_failure_and_a_malformed_answer_is_a_500() {
    for failure in [
        InvokeError::Crashed("exit status 134".into()),
        InvokeError::Function("boom".into()),
        InvokeError::Timeout(3.0),
        InvokeError::OutOfMemory,
        InvokeError::Throttled,
    ] {
        assert_eq!(response(Err(failure)).status(), 500);
    }
    assert_eq!(response(Ok(json!({"statusCode": "nope"}))).status(), 500);
    assert_eq!(integration_timeout().status(), 503);
}

#[test]
fn an_answer_without_status_code_is_a_200_with_the_json_as_body() {
    let response = response(Ok(json!({"hello": "world"})));
    assert_eq!(response.status(), 200);
}
