//! The keycards service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::domain::SignatureError;
use crate::ports::{NotifyError, ProviderError};
use shared::http::{Answer, Failure, OwnError};

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

impl OwnError for NotifyError {}
impl OwnError for SignatureError {}

impl OwnError for KeycardsError {
    fn answer(&self) -> Answer {
        match self {
            Self::NotFound => Answer::not_found(),
            Self::TooManyOpen(_) => Answer::conflict("too_many_open_keycards"),
            Self::Signature(reason) => {
                tracing::warn!(event = "keycard.webhook_refused", reason = %reason);
                Answer::unauthorized().saying("the event's signature is not valid")
            }
            Self::Provider(provider) => provider.answer(),
            Self::Notify(_) => Answer::internal(),
        }
    }
}
