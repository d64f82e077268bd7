//! A function under test, called as API Gateway would call it: its settings (the table, the
//! token verifier's keys and the test's own), requests made from the sample events with the
//! caller's token, and the answer read back as status, headers and JSON.

use crate::StartError;
use crate::aws::SdkConfig;
use crate::config::Env;
use crate::http::{ApiError, HandlerResult, Request};
use crate::testing::{events, tokens};
use crate::token::{API_AUDIENCE, Role};
use serde_json::Value;
use std::collections::HashMap;
use std::future::Future;

/// The configuration a function under test reads: `TABLE_NAME`, `AUTH_ISSUER` and `AUTH_JWKS`
/// for the test keys, and whatever the test sets on top.
#[derive(Debug, Clone)]
pub struct Settings(HashMap<String, String>);

impl Settings {
    /// The settings of a function whose table is `table`.
    pub fn new(table: &str) -> Self {
        let jwks = serde_json::to_string(&tokens::jwks()).expect("the test JWKS serialises");
        Self(HashMap::from([
            ("TABLE_NAME".to_owned(), table.to_owned()),
            ("AUTH_ISSUER".to_owned(), tokens::ISSUER.to_owned()),
            ("AUTH_JWKS".to_owned(), jwks),
        ]))
    }

    /// The function's `App` as its `main` builds it (`adapters::deployed`) from these settings,
    /// on moto's server.
    pub async fn deploy<A>(&self, deployed: fn(&Env, &SdkConfig) -> Result<A, StartError>) -> A {
        deployed(&self.env(), &crate::aws::load().await)
            .expect("the function starts with these settings")
    }

    /// These settings with `name` set to `value`.
    pub fn set(mut self, name: &str, value: impl Into<String>) -> Self {
        self.0.insert(name.to_owned(), value.into());
        self
    }

    /// These settings without `name`.
    pub fn without(mut self, name: &str) -> Self {
        self.0.remove(name);
        self
    }

    /// These settings with every (name, value) of `pairs` set.
    pub fn with(mut self, pairs: &[(&str, &str)]) -> Self {
        for (name, value) in pairs {
            self.0.insert((*name).to_owned(), (*value).to_owned());
        }
        self
    }

    /// The settings as the function's environment.
    pub fn env(&self) -> Env {
        Env::from_map(self.0.clone())
    }
}

/// A customer's access token for user `subject`.
pub fn customer(subject: &str) -> String {
    tokens::sign(&tokens::claims(subject, API_AUDIENCE, &[Role::Customer]))
}

/// An administrator's access token.
pub fn admin() -> String {
    tokens::sign(&tokens::claims("admin-1", API_AUDIENCE, &[Role::Admin]))
}

/// The service token service `client` gets for calling `audience`.
pub fn service(client: &str, audience: &str) -> String {
    tokens::sign(&tokens::claims(client, audience, &[Role::Service]))
}

/// The request of the sample event `events/<event>`, with `body` (JSON) instead of its own and
/// the bearer `token`, or no authorization at all.
pub fn request(event: &str, body: Option<&Value>, token: Option<&str>) -> Request {
    request_at(event, &[], body, token)
}

/// [`request`] with the path parameters `path` (name, value) set over the event's own.
pub fn request_at(
    event: &str,
    path: &[(&str, &str)],
    body: Option<&Value>,
    token: Option<&str>,
) -> Request {
    let mut json = events::load(event);
    for (name, value) in path {
        json["pathParameters"][*name] = (*value).into();
    }
    if let Some(headers) = json["headers"].as_object_mut() {
        headers.remove("authorization");
    }
    if let Some(token) = token {
        json["headers"]["authorization"] = format!("Bearer {token}").into();
    }
    events::request_from(json, body)
}

/// [`request_at`] with the query parameters `query` (name, value) instead of the event's own.
pub fn request_query(
    event: &str,
    path: &[(&str, &str)],
    query: &[(&str, &str)],
    token: Option<&str>,
) -> Request {
    let mut json = events::load(event);
    for (name, value) in path {
        json["pathParameters"][*name] = (*value).into();
    }
    let pairs: serde_json::Map<String, Value> = query
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).into()))
        .collect();
    let raw: Vec<String> = query.iter().map(|(n, v)| format!("{n}={v}")).collect();
    json["queryStringParameters"] = Value::Object(pairs);
    json["rawQueryString"] = raw.join("&").into();
    if let Some(headers) = json["headers"].as_object_mut() {
        headers.remove("authorization");
    }
    if let Some(token) = token {
        json["headers"]["authorization"] = format!("Bearer {token}").into();
    }
    events::request_from(json, None)
}

/// What a function answered.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: http::HeaderMap,
    /// The JSON body; `Null` when the body is empty.
    pub body: Value,
}

impl Answer {
    /// Asserts that this is the error answer `status` with `code`; its message, for more checks.
    #[track_caller]
    pub fn assert_error(&self, status: u16, code: &str) -> &str {
        assert_eq!(
            (self.status, self.body["error"]["code"].as_str()),
            (status, Some(code)),
            "{}",
            self.body
        );
        self.body["error"]["message"].as_str().unwrap_or_default()
    }

    /// Asserts that the answer has `status` (the body is shown when it has not); the answer,
    /// for more checks.
    #[track_caller]
    pub fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(self.status, status, "{}", self.body);
        self
    }

    /// The field `field` of each element of the list `list` in the body.
    #[track_caller]
    pub fn each(&self, list: &str, field: &str) -> Vec<Value> {
        let Some(elements) = self.body[list].as_array() else {
            panic!("the answer has no list {list:?}: {}", self.body)
        };
        elements
            .iter()
            .map(|element| element[field].clone())
            .collect()
    }

    /// The header `name` as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }
}

/// `GET /<service>/status` (`events/<service>/status.json`), anonymous, served with `handle`.
pub async fn status<H, Fut, E>(handle: H, service: &str) -> Answer
where
    H: Fn(Request) -> Fut,
    Fut: Future<Output = HandlerResult<E>>,
    E: Into<ApiError>,
{
    call(
        handle,
        request(&format!("{service}/status.json"), None, None),
    )
    .await
}

/// Serves `request` with `handle` as the Lambda runtime would, and reads the answer.
pub async fn call<H, Fut, E>(handle: H, request: Request) -> Answer
where
    H: Fn(Request) -> Fut,
    Fut: Future<Output = HandlerResult<E>>,
    E: Into<ApiError>,
{
    let response = crate::http::serve(&handle, request).await;
    let bytes = response.body().as_ref();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(bytes).unwrap_or_else(|err| {
            panic!(
                "the answer is not JSON ({err}): {}",
                String::from_utf8_lossy(bytes)
            )
        })
    };
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body,
    }
}

/// Tokens of callers a service-only route must refuse, each with the status it must answer:
/// a customer, an administrator and a service token addressed to the customer audience (403),
/// a service token for another audience and a token that is none (401).
pub fn not_this_service(audience: &str) -> Vec<(&'static str, String, u16)> {
    let elsewhere = if audience == "axess" { "dta" } else { "axess" };
    vec![
        ("a customer", customer("user-1"), 403),
        ("an administrator", admin(), 403),
        (
            "a service token for the customer audience",
            service("liftoperator", API_AUDIENCE),
            403,
        ),
        (
            "a service token for another audience",
            service("liftoperator", elsewhere),
            401,
        ),
        ("no token at all", "not-a-token".to_owned(), 401),
    ]
}

/// `request` in a Lambda invocation whose deadline is `left` from now.
pub fn within(request: Request, left: std::time::Duration) -> Request {
    use lambda_http::RequestExt;
    let mut context = lambda_http::Context::default();
    let deadline = std::time::SystemTime::now() + left;
    context.deadline = deadline
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_millis() as u64);
    request.with_lambda_context(context)
}
