//! The faq service's own errors and their one mapping to HTTP; the common failures (invalid
//! input, a refused request, the store) are `shared::http::Failure`'s.

use shared::http::{Answer, Failure, OwnError};

/// What the faq handlers fail with.
pub type FaqFailure = Failure<FaqError>;

#[derive(Debug, thiserror::Error)]
pub enum FaqError {
    #[error("no FAQ entry with this id")]
    NoEntry,
    #[error("another FAQ entry has this id")]
    EntryExists,
    #[error("the entry was changed since version {0} was read; read it again and redo the change")]
    VersionConflict(u64),
}

impl OwnError for FaqError {
    fn answer(&self) -> Answer {
        match self {
            Self::NoEntry => Answer::not_found(),
            Self::EntryExists => Answer::conflict("faq_exists"),
            Self::VersionConflict(_) => Answer::conflict("version_conflict"),
        }
    }
}
