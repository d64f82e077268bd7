//! Sample events from `events/`, the same files `cargo lambda invoke --data-file` uses.

use lambda_http::Request;
use serde_json::Value;

/// The event at `events/<relative>`, as JSON.
pub fn load(relative: &str) -> Value {
    let path = format!("{}/../events/{relative}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("reading {path}: {err}"));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{path} is not JSON: {err}"))
}

/// An API Gateway request from the event at `events/<relative>`, with `body` (JSON) replacing
/// its body when given, and `headers` set on top of its own.
pub fn http_request(relative: &str, body: Option<&Value>, headers: &[(&str, &str)]) -> Request {
    let mut event = load(relative);
    for (name, value) in headers {
        event["headers"][*name] = Value::String((*value).to_owned());
    }
    request_from(event, body)
}

/// The API Gateway request of `event` (JSON), with `body` replacing its body when given.
pub fn request_from(mut event: Value, body: Option<&Value>) -> Request {
    if let Some(body) = body {
        event["body"] = Value::String(body.to_string());
        event["headers"]["content-type"] = "application/json".into();
        event["headers"]["content-length"] = body.to_string().len().to_string().into();
    }
    lambda_http::request::from_str(&event.to_string()).expect("the event is an API Gateway request")
}
