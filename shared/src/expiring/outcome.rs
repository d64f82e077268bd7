//! What a read through the cache answers: a fresh value, a stale one, or nothing, which is
//! answered 503.

use crate::http::ApiError;
use http::StatusCode;
use time::OffsetDateTime;

/// A value and when it was fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched<T> {
    pub value: T,
    pub fetched_at: OffsetDateTime,
}

/// What a read through the cache gives.
#[derive(Debug)]
pub enum Outcome<T, E> {
    /// A value fetched within `fresh_for`.
    Fresh(Fetched<T>),
    /// An older value: the fetch failed (`Some`), or another caller is fetching or waiting to
    /// retry (`None`).
    Stale(Fetched<T>, Option<E>),
    /// Nothing to answer: the fetch failed (`Some`), or no value arrived in time (`None`).
    Unavailable(Option<E>),
}

/// Nothing to answer: the provider failed (`cause`) or another caller's fetch did not end in
/// time, and no earlier value is kept. Answered 503 with `code`.
#[derive(Debug, thiserror::Error)]
#[error("no answer from {provider} and none kept; try again in a few minutes")]
pub struct Unavailable<E: std::error::Error + 'static> {
    pub provider: &'static str,
    pub code: &'static str,
    #[source]
    pub cause: Option<E>,
}

impl<E: std::error::Error + Send + Sync + 'static> From<Unavailable<E>> for ApiError {
    fn from(err: Unavailable<E>) -> Self {
        crate::provider::gateway(StatusCode::SERVICE_UNAVAILABLE, err.code, err)
    }
}

/// An unavailable value is an answer of its own in every service's handlers.
impl<F, E: std::error::Error + Send + Sync + 'static> From<Unavailable<E>>
    for crate::http::Failure<F>
{
    fn from(err: Unavailable<E>) -> Self {
        Self::Request(err.into())
    }
}

impl<T, E: std::error::Error + 'static> Outcome<T, E> {
    /// The value to answer and whether it is stale, or [`Unavailable`] with `code`. A failure
    /// behind a stale answer is logged here as a warning naming `provider`.
    pub fn answer(
        self,
        provider: &'static str,
        code: &'static str,
    ) -> Result<(Fetched<T>, bool), Unavailable<E>> {
        match self {
            Self::Fresh(fetched) => Ok((fetched, false)),
            Self::Stale(fetched, failure) => {
                if let Some(err) = failure {
                    tracing::warn!(event = "cache.stale_answer", provider, error = %err, "the provider failed; the last value is answered");
                }
                Ok((fetched, true))
            }
            Self::Unavailable(cause) => Err(Unavailable {
                provider,
                code,
                cause,
            }),
        }
    }
}
