//! The liftoperator service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::AdapterError;
use http::StatusCode;
use shared::http::{Answer, Failure, OwnError};
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

impl OwnError for LiftoperatorError {
    fn answer(&self) -> Answer {
        match self {
            Self::NoOperator => Answer::not_found(),
            Self::OperatorExists => Answer::conflict("operator_exists"),
            Self::OperatorChanged => Answer::conflict("operator_changed"),
            Self::UnknownProduct(_) => Answer::new(StatusCode::BAD_REQUEST, "unknown_product"),
            Self::Adapter(adapter) => adapter.answer(),
        }
    }
}

/// An adapter's answer passed on: its code and message where it gave them, a gateway error
/// where it gave none.
impl OwnError for AdapterError {
    fn answer(&self) -> Answer {
        match self {
            Self::NotFound(_) => Answer::not_found().saying("no such booking"),
            Self::Conflict { code, message } => {
                Answer::conflict(passed_on(code, "conflict")).saying(message.clone())
            }
            Self::Provider {
                status,
                code,
                message,
            } => {
                let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::BAD_GATEWAY);
                Answer::new(status, passed_on(code, "provider_error"))
                    .saying(message.clone())
                    .logged()
            }
            Self::Timeout(_) => Answer::gateway(StatusCode::GATEWAY_TIMEOUT, "adapter_timeout"),
            Self::Unreachable(..) => {
                Answer::gateway(StatusCode::SERVICE_UNAVAILABLE, "adapter_unreachable")
            }
            Self::Malformed(..) => {
                Answer::gateway(StatusCode::BAD_GATEWAY, "adapter_malformed_answer")
            }
            Self::Token(..) => {
                Answer::gateway(StatusCode::SERVICE_UNAVAILABLE, "service_token_unavailable")
            }
            Self::Unexpected { .. } => Answer::internal(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::http::ApiError;

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
