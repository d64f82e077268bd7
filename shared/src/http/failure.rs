//! What every service's handlers fail with: invalid input, a refused request and a failed
//! store, the same everywhere, beside the service's own errors; and their one mapping to HTTP.

use super::{Answer, ApiError};
use crate::table::StoreError;
use crate::values::Invalid;

/// A service's own error enum (the failures only it has, each with its HTTP answer), or an
/// error that enum wraps (`#[from]`): `?` lifts it into [`Failure::Own`].
pub trait OwnError: std::error::Error + Send + Sync + 'static {
    /// How this failure is answered; an error that is only ever wrapped keeps the default.
    fn answer(&self) -> Answer {
        Answer::internal()
    }
}

/// Every own failure becomes its answer: a 500 is internal (the failure logged, a generic
/// message said); any other is the answer's status and code with the failure's message (or the
/// answer's), the failure logged where the answer says so.
impl<E: OwnError> From<E> for ApiError {
    fn from(err: E) -> Self {
        let answer = err.answer();
        if answer.status == http::StatusCode::INTERNAL_SERVER_ERROR {
            return ApiError::internal(err);
        }
        let message = answer.message.unwrap_or_else(|| err.to_string());
        let api = match answer.retry_after {
            Some(seconds) => ApiError::too_many_requests(answer.code, message, seconds),
            None => ApiError::new(answer.status, answer.code, message),
        };
        if answer.logged {
            api.with_cause(err)
        } else {
            api
        }
    }
}

/// A handler's failure: one of the common ones or the service's own `E`.
#[derive(Debug, thiserror::Error)]
pub enum Failure<E> {
    /// Input that does not parse: 400 `invalid_input`.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// A request refused before the service's own logic (a missing parameter, a token), or an
    /// answer a shared block gives (an unknown operator, an unavailable cached value).
    #[error(transparent)]
    Request(#[from] ApiError),
    /// The service's table failed: a generic 500, the cause logged.
    #[error("storage failed")]
    Store(#[from] StoreError),
    /// The service's own failure.
    #[error(transparent)]
    Own(E),
}

impl<E: From<S>, S: OwnError> From<S> for Failure<E> {
    fn from(own: S) -> Self {
        Self::Own(own.into())
    }
}

/// A service with no failure of its own: `Failure<Infallible>`.
impl OwnError for std::convert::Infallible {}

// The shared errors that services' own enums wrap (the provider's have answers of their own).
impl OwnError for crate::idempotency::IdempotencyError {}
impl OwnError for crate::queue::QueueError {}

impl<E: OwnError> From<Failure<E>> for ApiError {
    fn from(failure: Failure<E>) -> Self {
        match failure {
            Failure::Invalid(invalid) => invalid.into(),
            Failure::Request(api) => api,
            Failure::Store(source) => ApiError::internal(source),
            Failure::Own(own) => own.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::StatusCode;

    #[derive(Debug, thiserror::Error)]
    #[error("no such thing")]
    struct NoThing;

    impl OwnError for NoThing {
        fn answer(&self) -> Answer {
            Answer::not_found()
        }
    }

    fn fails(which: u8) -> Result<(), Failure<NoThing>> {
        match which {
            0 => Err(Invalid::new("day", "must be a date"))?,
            1 => Err(StoreError::because("table gone"))?,
            _ => Err(NoThing)?,
        }
    }

    #[test]
    fn the_common_failures_and_the_services_own_map_to_their_answers() {
        let answer = |which| ApiError::from(fails(which).unwrap_err());
        assert_eq!(answer(0).status(), StatusCode::BAD_REQUEST);
        assert_eq!(answer(0).code(), "invalid_input");
        assert_eq!(answer(1).status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(answer(2).status(), StatusCode::NOT_FOUND);
    }
}
