//! The keycards service's errors and their one mapping to HTTP.

use crate::domain::{Invalid, SignatureError};
use crate::ports::{NotifyError, ProviderError, StoreError};
use shared::http::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum KeycardsError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Request(#[from] ApiError),
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
    #[error("storage failed")]
    Store(#[from] StoreError),
}

impl From<KeycardsError> for ApiError {
    fn from(err: KeycardsError) -> Self {
        let message = err.to_string();
        match err {
            KeycardsError::Invalid(_) => ApiError::invalid(message),
            KeycardsError::Request(api) => api,
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
            KeycardsError::Store(source) => ApiError::internal(source),
        }
    }
}
