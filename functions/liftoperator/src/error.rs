//! The liftoperator service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::AdapterError;
use http::StatusCode;
use shared::http::{ApiError, Failure, OwnError};
use std::borrow::Cow;

/// What the liftoperator handlers fail with.
pub type LiftoperatorFailure = Failure<LiftoperatorError>;

#[derive(Debug, thiserror::Error)]
pub enum LiftoperatorError {
    #[error("no active lift operator with this id")]
    NoOperator,
    #[error("an operator with this id exists")]
    OperatorExists,
    #[error("the operator was changed by another request meanwhile; read it and try again")]
    OperatorChanged,
    #[error("product {0:?} is not sold by this operator on that day")]
    UnknownProduct(String),
    #[error(transparent)]
    Adapter(#[from] AdapterError),
}

impl OwnError for LiftoperatorError {}
impl OwnError for AdapterError {}

/// An adapter's code, passed on as it is when it reads like a code (1 to 64 lowercase letters,
/// digits and '_'), `otherwise` if not: adapters may add codes without this facade knowing.
fn passed_on(code: &str, otherwise: &'static str) -> Cow<'static, str> {
    let reads_like_a_code = (1..=64).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if reads_like_a_code {
        Cow::Owned(code.to_owned())
    } else {
        Cow::Borrowed(otherwise)
    }
}

fn gateway(status: StatusCode, code: &'static str, err: LiftoperatorError) -> ApiError {
    ApiError::new(status, code, err.to_string()).with_cause(err)
}

impl From<LiftoperatorError> for ApiError {
    fn from(err: LiftoperatorError) -> Self {
        let message = err.to_string();
        match err {
            LiftoperatorError::NoOperator => ApiError::not_found(message),
            LiftoperatorError::OperatorExists => ApiError::conflict("operator_exists", message),
            LiftoperatorError::OperatorChanged => ApiError::conflict("operator_changed", message),
            LiftoperatorError::UnknownProduct(_) => {
                ApiError::bad_request("unknown_product", message)
            }
            LiftoperatorError::Adapter(AdapterError::NotFound(_)) => {
                ApiError::not_found("no such booking")
            }
            LiftoperatorError::Adapter(AdapterError::Conflict {
                ref code,
                ref message,
            }) => ApiError::conflict(passed_on(code, "conflict"), message.clone()),
            LiftoperatorError::Adapter(AdapterError::Provider {
                status,
                ref code,
                ref message,
            }) => {
                let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
                let code = passed_on(code, "provider_error");
                let message = message.clone();
                ApiError::new(status, code, message).with_cause(err)
            }
            LiftoperatorError::Adapter(AdapterError::Timeout(_)) => {
                gateway(StatusCode::GATEWAY_TIMEOUT, "adapter_timeout", err)
            }
            LiftoperatorError::Adapter(AdapterError::Unreachable(..)) => {
                gateway(StatusCode::SERVICE_UNAVAILABLE, "adapter_unreachable", err)
            }
            LiftoperatorError::Adapter(AdapterError::Malformed(..)) => {
                gateway(StatusCode::BAD_GATEWAY, "adapter_malformed_answer", err)
            }
            LiftoperatorError::Adapter(AdapterError::Token(..)) => gateway(
                StatusCode::SERVICE_UNAVAILABLE,
                "service_token_unavailable",
                err,
            ),
            LiftoperatorError::Adapter(AdapterError::Unexpected { .. }) => ApiError::internal(err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adapter_failure(code: &str) -> ApiError {
        ApiError::from(LiftoperatorError::Adapter(AdapterError::Provider {
            status: 503,
            code: code.to_owned(),
            message: "try later".to_owned(),
        }))
    }

    #[test]
    fn an_adapters_code_is_passed_on_even_if_the_facade_never_heard_of_it() {
        let answer = adapter_failure("seat_limit_reached");
        assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer.code(), "seat_limit_reached");
    }

    #[test]
    fn a_code_that_does_not_read_like_one_becomes_provider_error() {
        assert_eq!(adapter_failure("<b>oops</b>").code(), "provider_error");
        assert_eq!(adapter_failure("").code(), "provider_error");
    }
}
