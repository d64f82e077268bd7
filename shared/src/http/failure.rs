//! What every service's handlers fail with: invalid input, a refused request and a failed
//! store, the same everywhere, beside the service's own errors; and their one mapping to HTTP.

use super::ApiError;
use crate::table::StoreError;
use crate::values::Invalid;

/// A service's own error enum (the failures only it has, each mapped to its HTTP answer), or
/// an error that enum wraps (`#[from]`): marked, `?` lifts it into [`Failure::Own`].
pub trait OwnError {}

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

// The shared errors that services' own enums wrap.
impl OwnError for crate::provider::ProviderError {}
impl OwnError for crate::provider::BookingError {}
impl OwnError for crate::idempotency::IdempotencyError {}
impl OwnError for crate::queue::QueueError {}

impl<E: Into<ApiError>> From<Failure<E>> for ApiError {
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

    impl From<NoThing> for ApiError {
        fn from(err: NoThing) -> Self {
            ApiError::not_found(err.to_string())
        }
    }

    impl OwnError for NoThing {}

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
