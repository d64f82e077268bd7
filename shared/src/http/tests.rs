use super::*;
use serde::Deserialize;

fn request(route: &str, body: Option<&str>, headers: serde_json::Value) -> Request {
    let (method, path) = route.split_once(' ').unwrap();
    let event = serde_json::json!({
        "version": "2.0",
        "routeKey": route,
        "rawPath": path,
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012", "apiId": "local", "domainName": "localhost",
            "domainPrefix": "localhost", "requestId": "api-req-1", "routeKey": route,
            "stage": "$default", "time": "27/Nov/2026:10:00:00 +0000", "timeEpoch": 1795000000000i64,
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                     "sourceIp": "127.0.0.1", "userAgent": "test"}
        },
        "body": body,
        "isBase64Encoded": false
    });
    lambda_http::request::from_str(&event.to_string()).unwrap()
}

#[derive(Debug, Deserialize, PartialEq)]
struct Greeting {
    name: String,
}

#[test]
fn the_route_key_comes_from_the_api_gateway_context() {
    let req = request("POST /auth/signup", None, serde_json::json!({}));
    assert_eq!(route_key(&req), "POST /auth/signup");
}

#[test]
fn a_json_body_is_parsed_into_its_type() {
    let req = request(
        "POST /x",
        Some(r#"{"name":"Anna"}"#),
        serde_json::json!({"content-type": "application/json"}),
    );
    assert_eq!(
        json_body::<Greeting>(&req).unwrap(),
        Greeting {
            name: "Anna".into()
        }
    );
}

#[test]
fn a_body_missing_a_field_is_a_400_naming_the_field() {
    let req = request("POST /x", Some(r#"{"nom":"Anna"}"#), serde_json::json!({}));
    let err = json_body::<Greeting>(&req).unwrap_err();
    assert_eq!(err.status(), 400);
    assert!(err.to_string().contains("missing field `name`"), "{err}");
}

#[test]
fn an_empty_or_oversized_or_non_json_body_is_refused() {
    let empty = request("POST /x", None, serde_json::json!({}));
    assert_eq!(json_body::<Greeting>(&empty).unwrap_err().status(), 400);
    let big = format!(r#"{{"name":"{}"}}"#, "a".repeat(MAX_BODY_BYTES));
    let oversized = request("POST /x", Some(&big), serde_json::json!({}));
    assert_eq!(json_body::<Greeting>(&oversized).unwrap_err().status(), 413);
    let form = request(
        "POST /x",
        Some("name=Anna"),
        serde_json::json!({"content-type": "text/plain"}),
    );
    assert_eq!(json_body::<Greeting>(&form).unwrap_err().status(), 415);
}

#[tokio::test]
async fn serve_echoes_the_incoming_correlation_id_and_makes_it_current() {
    let req = request(
        "GET /x",
        None,
        serde_json::json!({"x-correlation-id": "corr-7"}),
    );
    let handler = |_req: Request| async {
        let seen = CorrelationId::current().map(|id| id.to_string());
        Ok::<_, ApiError>(json(StatusCode::OK, &serde_json::json!({ "seen": seen })))
    };
    let response = serve(&handler, req).await;
    assert_eq!(response.headers()["x-correlation-id"], "corr-7");
    let body: serde_json::Value = serde_json::from_slice(response.body().as_ref()).unwrap();
    assert_eq!(body["seen"], "corr-7");
}

#[tokio::test]
async fn serve_renders_a_handler_error_as_json() {
    let req = request("GET /x", None, serde_json::json!({}));
    let handler = |req: Request| async move { Err(no_route(&req)) };
    let response = serve(&handler, req).await;
    assert_eq!(response.status(), 404);
    assert!(response.headers().contains_key("x-correlation-id"));
}

#[test]
fn the_deadline_is_the_lambda_contexts_and_absent_outside_lambda() {
    let plain = request("GET /x", None, serde_json::json!({}));
    assert!(deadline(&plain).is_none());
    let mut context = lambda_http::Context::default();
    let in_five_seconds = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    context.deadline = in_five_seconds
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    let left = deadline(&plain.with_lambda_context(context)).unwrap() - tokio::time::Instant::now();
    assert!(left <= std::time::Duration::from_secs(5) && left > std::time::Duration::from_secs(3));
}
