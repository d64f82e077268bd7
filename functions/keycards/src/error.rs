//! The keycards service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::domain::SignatureError;
use crate::ports::{NotifyError, ProviderError};
use shared::http::{ApiError, Failure, OwnError};

/// What the keycards handlers fail with.
pub type KeycardsFailure = Failure<KeycardsError>;

#[derive(Debug, thiserror::Error)]
pub enum KeycardsError {
    #[error("no such keycard")]
    NotFound,
    #[error("at most {0} keycards may be on order at once; wait until one is produced")]
    TooManyOpen(usize),
    #[error("the webhook's signature was refused: {0}")]
    Signature(#[from] SignatureError),
    #[error("the supplier {0}")]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Notify(#[from] NotifyError),
}

impl OwnError for KeycardsError {}
impl OwnError for NotifyError {}
impl OwnError for SignatureError {}

impl From<KeycardsError> for ApiError {
    fn from(err: KeycardsError) -> Self {
        let message = err.to_string();
        match err {
            KeycardsError::NotFound => ApiError::not_found(message),
            KeycardsError::TooManyOpen(_) => ApiError::conflict("too_many_open_keycards", message),
            KeycardsError::Signature(reason) => {
                tracing::warn!(event = "keycard.webhook_refused", reason = %reason);
                ApiError::unauthorized("the event's signature is not valid")
            }
            KeycardsError::Provider(ref provider) => {
                shared::provider::answer(provider.failure(), err)
            }
            KeycardsError::Notify(source) => ApiError::internal(source),
        }
    }
}
