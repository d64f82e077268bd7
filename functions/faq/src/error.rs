//! The faq service's errors and their one mapping to HTTP.

use crate::domain::Invalid;
use crate::ports::StoreError;
use shared::http::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum FaqError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Request(#[from] ApiError),
    #[error("no FAQ entry with this id")]
    NoEntry,
    #[error("another FAQ entry has this id")]
    EntryExists,
    #[error("the entry was changed since version {0} was read; read it again and redo the change")]
    VersionConflict(u64),
    #[error("storage failed")]
    Store(#[from] StoreError),
}

impl From<FaqError> for ApiError {
    fn from(err: FaqError) -> Self {
        let message = err.to_string();
        match err {
            FaqError::Invalid(_) => ApiError::invalid(message),
            FaqError::Request(api) => api,
            FaqError::NoEntry => ApiError::not_found(message),
            FaqError::EntryExists => ApiError::conflict("faq_exists", message),
            FaqError::VersionConflict(_) => ApiError::conflict("version_conflict", message),
            FaqError::Store(source) => ApiError::internal(source),
        }
    }
}
