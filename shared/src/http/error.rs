//! The one error type every HTTP handler answers with: `{"error": {"code", "message"}}`.

use http::StatusCode;
use lambda_http::{Body, Response};
use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;

type Cause = Box<dyn StdError + Send + Sync + 'static>;

/// An HTTP error answer. Client errors carry a clear message and are not logged as errors;
/// internal ones keep their cause for the log and answer a generic message.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: Cow<'static, str>,
    message: String,
    cause: Option<Cause>,
    /// Seconds for the `Retry-After` header.
    retry_after: Option<u64>,
}

impl From<crate::values::Invalid> for ApiError {
    fn from(invalid: crate::values::Invalid) -> Self {
        Self::invalid(invalid.to_string())
    }
}

/// The error code of every 400 for invalid input.
pub const INVALID_INPUT: &str = "invalid_input";

impl ApiError {
    /// An answer with any status, code and message; a code may come from elsewhere (such as
    /// an adapter's answer passed on).
    pub fn new(
        status: StatusCode,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            status,
            code: code.into(),
            message: message.into(),
            cause: None,
            retry_after: None,
        }
    }

    /// 400 `invalid_input`, the one code for input that is malformed or breaks a rule; the
    /// message says what is wrong.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, INVALID_INPUT, message)
    }

    /// 400 with a code of its own, where a protocol names it (OAuth's `unsupported_grant_type`).
    pub fn bad_request(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 401: no valid credentials.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    /// 403: authenticated, but not allowed.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 404: no such resource or route.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 409: the request conflicts with the current state.
    pub fn conflict(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// 429 with `Retry-After: retry_after_seconds`: too many attempts; try again later.
    pub fn too_many_requests(
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
        retry_after_seconds: u64,
    ) -> Self {
        let mut error = Self::new(StatusCode::TOO_MANY_REQUESTS, code, message);
        error.retry_after = Some(retry_after_seconds);
        error
    }

    /// 500: something on our side failed; the cause is logged, never shown.
    pub fn internal(cause: impl Into<Cause>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "internal error",
        )
        .with_cause(cause)
    }

    /// Keeps `cause` for the log line.
    pub fn with_cause(mut self, cause: impl Into<Cause>) -> Self {
        self.cause = Some(cause.into());
        self
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The machine-readable code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Renders the answer, logging server-side failures once with their cause chain.
    pub fn into_response(self) -> Response<Body> {
        if self.status.is_server_error() {
            let cause = self
                .cause
                .as_deref()
                .map(|cause| cause_chain(cause))
                .unwrap_or_default();
            tracing::error!(
                event = "request.failed",
                status = self.status.as_u16(),
                code = &*self.code,
                cause = %cause,
                "{}", self.message
            );
        } else {
            tracing::info!(
                event = "request.rejected",
                status = self.status.as_u16(),
                code = &*self.code
            );
        }
        let body = serde_json::json!({"error": {"code": &*self.code, "message": self.message}});
        let mut response = super::json(self.status, &body);
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                http::header::WWW_AUTHENTICATE,
                http::HeaderValue::from_static("Bearer"),
            );
        }
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
        }
        response
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl StdError for ApiError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.cause
            .as_deref()
            .map(|cause| cause as &(dyn StdError + 'static))
    }
}

/// `outer: inner: innermost`, the way an error and its sources read in a log line.
pub fn cause_chain(err: &(dyn StdError + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(response: &Response<Body>) -> serde_json::Value {
        serde_json::from_slice(response.body().as_ref()).unwrap()
    }

    #[test]
    fn a_client_error_shows_its_code_and_message() {
        let response = ApiError::invalid("email is not valid").into_response();
        assert_eq!(response.status(), 400);
        assert_eq!(
            body_of(&response),
            serde_json::json!({"error": {"code": "invalid_input", "message": "email is not valid"}})
        );
    }

    #[test]
    fn an_internal_error_hides_its_cause() {
        let cause = std::io::Error::other("table FooTable does not exist");
        let response = ApiError::internal(cause).into_response();
        assert_eq!(response.status(), 500);
        let body = body_of(&response);
        assert_eq!(body["error"]["message"], "internal error");
        assert!(!body.to_string().contains("FooTable"));
    }

    #[test]
    fn unauthorized_answers_name_the_bearer_scheme() {
        let response = ApiError::unauthorized("token expired").into_response();
        assert_eq!(response.headers()["www-authenticate"], "Bearer");
    }

    #[test]
    fn too_many_requests_says_when_to_retry() {
        let response = ApiError::too_many_requests("slow_down", "wait", 42).into_response();
        assert_eq!(response.status(), 429);
        assert_eq!(response.headers()["retry-after"], "42");
        assert_eq!(body_of(&response)["error"]["code"], "slow_down");
    }

    #[test]
    fn the_cause_chain_reads_outer_to_inner() {
        let err = ApiError::internal(std::io::Error::other("disk full"));
        assert_eq!(cause_chain(&err), "500 internal: internal error: disk full");
    }
}
