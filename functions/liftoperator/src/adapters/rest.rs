//! REST calls to the dta and axess adapters through our API, with a service token for the
//! adapter's audience (fetched anew once when refused), bounded answers and typed failures.

use crate::ports::AdapterError;
use http::{Method, StatusCode};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use shared::outbound::{BodyError, Endpoint, Remote, Repeat, body_capped};
use shared::service_token::{ServiceCallError, ServiceTokens};

/// The largest adapter answer read.
const MAX_ANSWER_BYTES: usize = 1024 * 1024;

/// Calls the adapters; built once in `main`.
pub struct AdapterClient {
    api: Remote,
    tokens: ServiceTokens,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    code: String,
    message: String,
}

/// One call: the adapter (its audience), method, path, query and JSON body.
pub struct Call<'a> {
    pub service: &'static str,
    pub method: Method,
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<&'a serde_json::Value>,
}

impl AdapterClient {
    pub fn new(api: Endpoint, tokens: ServiceTokens) -> Result<Self, reqwest::Error> {
        Ok(Self {
            api: Remote::new(api)?,
            tokens,
        })
    }

    /// Sends `call` and reads its JSON answer into `T`; the status tells 200 from 201.
    /// Every adapter route is safe to repeat: reads and cancels by method, bookings because
    /// the adapters deduplicate them by external order id.
    pub async fn send<T: DeserializeOwned>(
        &self,
        call: Call<'_>,
    ) -> Result<(StatusCode, T), AdapterError> {
        let service = call.service;
        let build = |token: &str| {
            let mut builder = self
                .api
                .outbound
                .client()
                .request(call.method.clone(), self.api.url(&call.path))
                .bearer_auth(token)
                .query(&call.query);
            if let Some(body) = call.body {
                builder = builder.json(body);
            }
            builder.build()
        };
        let response = self
            .tokens
            .send(&self.api.outbound, service, Repeat::Idempotent, build)
            .await
            .map_err(|err| match err {
                ServiceCallError::Token(err) => AdapterError::Token(service, err),
                ServiceCallError::Transport(err) => transport(service, err),
            })?;
        let status = response.status();
        let bytes = body_capped(response, MAX_ANSWER_BYTES)
            .await
            .map_err(|err| match err {
                BodyError::Transport(err) => transport(service, err),
                too_large => AdapterError::Malformed(service, too_large.to_string()),
            })?;
        answer(service, status, &bytes)
    }
}

fn transport(service: &'static str, err: reqwest::Error) -> AdapterError {
    if err.is_timeout() {
        AdapterError::Timeout(service)
    } else {
        AdapterError::Unreachable(service, shared::http::cause_chain(&err))
    }
}

fn answer<T: DeserializeOwned>(
    service: &'static str,
    status: StatusCode,
    bytes: &[u8],
) -> Result<(StatusCode, T), AdapterError> {
    if status.is_success() {
        return serde_json::from_slice(bytes)
            .map(|body| (status, body))
            .map_err(|err| AdapterError::Malformed(service, err.to_string()));
    }
    let (code, message) = match serde_json::from_slice::<ErrorBody>(bytes) {
        Ok(body) => (body.error.code, body.error.message),
        Err(_) => (String::new(), String::new()),
    };
    Err(match status.as_u16() {
        404 => AdapterError::NotFound(message),
        409 => AdapterError::Conflict { code, message },
        502..=504 if !code.is_empty() => AdapterError::Provider {
            status: status.as_u16(),
            code,
            message,
        },
        other => AdapterError::Unexpected {
            service,
            status: other,
            code,
        },
    })
}
