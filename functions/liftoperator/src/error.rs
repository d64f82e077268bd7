//! The liftoperator service's errors and their one mapping to HTTP.

use crate::domain::Invalid;
use crate::ports::{AdapterError, StoreError};
use http::StatusCode;
use shared::http::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum LiftoperatorError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Request(#[from] ApiError),
    #[error("no active lift operator with this id")]
    NoOperator,
    #[error("an operator with this id exists")]
    OperatorExists,
    #[error("product {0:?} is not sold by this operator on that day")]
    UnknownProduct(String),
    #[error(transparent)]
    Adapter(#[from] AdapterError),
    #[error("storage failed")]
    Store(#[source] StoreError),
}

impl From<StoreError> for LiftoperatorError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Exists => Self::OperatorExists,
            StoreError::Missing => Self::NoOperator,
            StoreError::Unavailable(_) => Self::Store(err),
        }
    }
}

/// The adapters' codes this facade passes on as they are.
const PASSED_ON: &[&str] = &[
    "provider_timeout",
    "provider_unreachable",
    "provider_unavailable",
    "provider_error",
    "provider_fault",
    "provider_refused",
    "provider_malformed_answer",
    "booking_refused",
    "booking_pending",
    "booking_outcome_unknown",
    "external_order_id_reused",
    "booking_cancelled",
    "booking_in_progress",
    "booking_incomplete",
];

fn passed_on(code: &str, otherwise: &'static str) -> &'static str {
    PASSED_ON
        .iter()
        .find(|known| **known == code)
        .copied()
        .unwrap_or(otherwise)
}

fn gateway(status: StatusCode, code: &'static str, err: LiftoperatorError) -> ApiError {
    ApiError::new(status, code, err.to_string()).with_cause(err)
}

impl From<LiftoperatorError> for ApiError {
    fn from(err: LiftoperatorError) -> Self {
        let message = err.to_string();
        match err {
            LiftoperatorError::Invalid(_) => ApiError::bad_request("invalid_input", message),
            LiftoperatorError::Request(api) => api,
            LiftoperatorError::NoOperator => ApiError::not_found(message),
            LiftoperatorError::OperatorExists => ApiError::conflict("operator_exists", message),
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
            LiftoperatorError::Store(source) => ApiError::internal(source),
        }
    }
}
