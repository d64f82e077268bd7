//! How one of a service's own failures is answered: a status and a code, the failure's own
//! message unless another is given, and whether the failure is logged as the cause.

use crate::provider::ProviderFailure;
use http::StatusCode;
use std::borrow::Cow;

/// The answer to one of a service's own failures (see [`super::OwnError::answer`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub(super) status: StatusCode,
    pub(super) code: Cow<'static, str>,
    /// Said instead of the failure's message.
    pub(super) message: Option<String>,
    /// Whether the failure is logged as the answer's cause.
    pub(super) logged: bool,
    /// Seconds for the `Retry-After` header.
    pub(super) retry_after: Option<u64>,
}

impl Answer {
    /// `status` with `code` and the failure's message.
    pub fn new(status: StatusCode, code: impl Into<Cow<'static, str>>) -> Self {
        Self {
            status,
            code: code.into(),
            message: None,
            logged: false,
            retry_after: None,
        }
    }

    /// 500: something on our side failed; the failure is logged, never shown.
    pub fn internal() -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal")
    }

    /// 400 `invalid_input`.
    pub fn invalid() -> Self {
        Self::new(StatusCode::BAD_REQUEST, super::error::INVALID_INPUT)
    }

    /// 401 `unauthorized`: no valid credentials.
    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized")
    }

    /// 404 `not_found`.
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found")
    }

    /// 409 with `code`.
    pub fn conflict(code: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::CONFLICT, code)
    }

    /// 429 with `code` and `Retry-After: seconds`.
    pub fn too_many_requests(code: &'static str, seconds: u64) -> Self {
        Self {
            retry_after: Some(seconds),
            ..Self::new(StatusCode::TOO_MANY_REQUESTS, code)
        }
    }

    /// A third party or another service failed (502, 503, 504): the failure is logged.
    pub fn gateway(status: StatusCode, code: &'static str) -> Self {
        Self::new(status, code).logged()
    }

    /// A provider failure of kind `failure`: a client error for credentials the caller got
    /// wrong, a logged gateway error otherwise.
    pub fn provider(failure: ProviderFailure) -> Self {
        let (status, code) = failure.status_and_code();
        if status.is_client_error() {
            Self::new(status, code)
        } else {
            Self::gateway(status, code)
        }
    }

    /// The same, saying `message` instead of the failure's own.
    pub fn saying(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// The same, with the failure logged as the cause.
    pub fn logged(mut self) -> Self {
        self.logged = true;
        self
    }
}
