//! A third-party provider's failure, one type for every adapter, and its one mapping to HTTP.
//! Messages read after the provider's name (`Axess did not answer in time`): each adapter's
//! error enum names its provider.

use crate::http::{Answer, ApiError, OwnError, Request, path_param, query_param};
use crate::idempotency::IdempotencyError;
use crate::outbound::{BodyError, Outbound, Repeat, body_capped};
use crate::values::{CredentialsRef, ExternalOrderId};
use http::StatusCode;
use std::error::Error as StdError;

mod access;
mod adapter;
pub use access::{KeyedApi, Login, ProviderConfig, Secret};
pub use adapter::AdapterConfig;

/// The credentials an adapter's request names (`?credentials=`).
pub fn credentials(request: &Request) -> Result<CredentialsRef, ApiError> {
    Ok(CredentialsRef::parse(query_param(request, "credentials")?)?)
}

/// The booking an adapter's request names: its credentials and `{externalOrderId}`.
pub fn booking_ref(request: &Request) -> Result<(CredentialsRef, ExternalOrderId), ApiError> {
    let id = ExternalOrderId::parse(&path_param(request, "externalOrderId")?)?;
    Ok((credentials(request)?, id))
}

/// Why an adapter cannot book, read or cancel a booking, whichever provider is behind it.
#[derive(Debug, thiserror::Error)]
pub enum BookingError {
    #[error("no booking with this external order id")]
    NotFound,
    #[error("this external order id was booked before with other items")]
    IdReused,
    #[error("this booking was cancelled")]
    Cancelled,
    #[error("this booking is being worked on by another request")]
    InProgress,
    /// The booking's claim failed in storage.
    #[error("the booking's claim failed")]
    Claim(#[source] IdempotencyError),
}

impl From<IdempotencyError> for BookingError {
    fn from(err: IdempotencyError) -> Self {
        match err {
            IdempotencyError::InProgress(_) => Self::InProgress,
            IdempotencyError::PayloadMismatch(_) => Self::IdReused,
            other => Self::Claim(other),
        }
    }
}

impl OwnError for BookingError {
    fn answer(&self) -> Answer {
        match self {
            Self::NotFound => Answer::not_found(),
            Self::IdReused => Answer::conflict("external_order_id_reused"),
            Self::Cancelled => Answer::conflict("booking_cancelled"),
            Self::InProgress => Answer::conflict("booking_in_progress"),
            Self::Claim(_) => Answer::internal(),
        }
    }
}

/// Why a provider gave no usable answer.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("credentials {0:?} are not configured")]
    UnknownCredentials(String),
    #[error("did not answer in time")]
    Timeout,
    #[error("could not be reached: {0}")]
    Unreachable(String),
    #[error("broke the exchange off: {0}")]
    Transport(String),
    #[error("answered {status}: {detail}")]
    Status { status: u16, detail: String },
    #[error("gave a malformed answer: {0}")]
    Malformed(String),
    /// A protocol-level fault, such as a SOAP Fault.
    #[error("answered with a fault: {code}: {message}")]
    Fault { code: String, message: String },
    /// A refusal with the provider's own error code.
    #[error("refused with {code}: {message}")]
    Refused { code: String, message: String },
    #[error("knows no such order")]
    NotFound,
}

impl OwnError for ProviderError {
    fn answer(&self) -> Answer {
        Answer::provider(self.failure())
    }
}

impl ProviderError {
    /// The kind of failure, for the answer.
    pub fn failure(&self) -> ProviderFailure {
        match self {
            Self::UnknownCredentials(_) => ProviderFailure::UnknownCredentials,
            Self::Timeout => ProviderFailure::Timeout,
            Self::Unreachable(_) => ProviderFailure::Unreachable,
            Self::Status { status: 503, .. } => ProviderFailure::Unavailable,
            Self::Malformed(_) => ProviderFailure::Malformed,
            Self::Fault { .. } => ProviderFailure::Fault,
            Self::Refused { .. } => ProviderFailure::Refused,
            Self::Transport(_) | Self::Status { .. } | Self::NotFound => ProviderFailure::Other,
        }
    }
}

/// The kinds of provider failure that are answered differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderFailure {
    /// The caller named credentials the adapter does not hold: 400 `unknown_credentials`.
    UnknownCredentials,
    /// No answer in time: 504 `provider_timeout`.
    Timeout,
    /// Not reached at all: 503 `provider_unreachable`.
    Unreachable,
    /// It answered 503: 503 `provider_unavailable`.
    Unavailable,
    /// An answer that does not parse: 502 `provider_malformed_answer`.
    Malformed,
    /// A protocol fault (such as a SOAP Fault): 502 `provider_fault`.
    Fault,
    /// It refused the request: 502 `provider_refused`.
    Refused,
    /// Anything else: 502 `provider_error`.
    Other,
}

impl ProviderFailure {
    /// The status and code this kind is answered with.
    pub fn status_and_code(self) -> (StatusCode, &'static str) {
        match self {
            Self::UnknownCredentials => (StatusCode::BAD_REQUEST, "unknown_credentials"),
            Self::Timeout => (StatusCode::GATEWAY_TIMEOUT, "provider_timeout"),
            Self::Unreachable => (StatusCode::SERVICE_UNAVAILABLE, "provider_unreachable"),
            Self::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "provider_unavailable"),
            Self::Malformed => (StatusCode::BAD_GATEWAY, "provider_malformed_answer"),
            Self::Fault => (StatusCode::BAD_GATEWAY, "provider_fault"),
            Self::Refused => (StatusCode::BAD_GATEWAY, "provider_refused"),
            Self::Other => (StatusCode::BAD_GATEWAY, "provider_error"),
        }
    }
}

/// A gateway answer (502, 503, 504) with `err`'s message, keeping `err` as the logged cause.
pub fn gateway(
    status: StatusCode,
    code: &'static str,
    err: impl StdError + Send + Sync + 'static,
) -> ApiError {
    ApiError::new(status, code, err.to_string()).with_cause(err)
}

/// A failed exchange as a provider failure: no answer in time, not reached, or broken off.
pub fn transport(err: reqwest::Error) -> ProviderError {
    let detail = crate::http::cause_chain(&err);
    if err.is_timeout() {
        ProviderError::Timeout
    } else if err.is_connect() {
        ProviderError::Unreachable(detail)
    } else {
        ProviderError::Transport(detail)
    }
}

/// The start of an untrusted answer, printable, for a message or log line.
pub fn excerpt(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Sends `request` through `outbound` (retried as `repeat` allows) and reads at most `limit`
/// bytes of the answer: its status and body, whatever the status, or why there is none.
pub async fn exchange(
    outbound: &Outbound,
    request: reqwest::RequestBuilder,
    repeat: Repeat,
    limit: usize,
) -> Result<(StatusCode, Vec<u8>), ProviderError> {
    let request = request.build().map_err(transport)?;
    let response = outbound.send(request, repeat).await.map_err(transport)?;
    let status = response.status();
    let body = body_capped(response, limit)
        .await
        .map_err(|err| match err {
            BodyError::Transport(err) => transport(err),
            too_large => ProviderError::Malformed(too_large.to_string()),
        })?;
    Ok((status, body))
}

/// [`exchange`] for an answer that must be a success: its body, or the status and the start of
/// the body as [`ProviderError::Status`].
pub async fn exchange_success(
    outbound: &Outbound,
    request: reqwest::RequestBuilder,
    repeat: Repeat,
    limit: usize,
) -> Result<Vec<u8>, ProviderError> {
    let (status, body) = exchange(outbound, request, repeat, limit).await?;
    if status.is_success() {
        Ok(body)
    } else {
        Err(ProviderError::Status {
            status: status.as_u16(),
            detail: excerpt(&body),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_credentials_are_the_callers_mistake_and_the_rest_a_gateways_failure() {
        let unknown = ApiError::from(ProviderError::UnknownCredentials("op-9".into()));
        assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
        assert!(std::error::Error::source(&unknown).is_none());
        let timeout = ApiError::from(ProviderError::Timeout);
        assert_eq!(timeout.status(), StatusCode::GATEWAY_TIMEOUT);
        assert_eq!(timeout.code(), "provider_timeout");
        assert!(std::error::Error::source(&timeout).is_some());
    }
}
