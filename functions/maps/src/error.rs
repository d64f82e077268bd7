//! The maps service's errors and their one mapping to HTTP.

use crate::domain::Invalid;
use crate::ports::{ProviderError, StoreError};
use http::StatusCode;
use shared::expiring::Unavailable;
use shared::http::ApiError;
use shared::registry::LookupError;

#[derive(Debug, thiserror::Error)]
pub enum MapsError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Request(#[from] ApiError),
    #[error(transparent)]
    Lookup(#[from] LookupError),
    #[error("Google finds no way there by this mode ({0})")]
    NoRoute(String),
    #[error(transparent)]
    Unavailable(#[from] Unavailable<ProviderError>),
    #[error("storage failed")]
    Store(#[from] StoreError),
}

impl From<MapsError> for ApiError {
    fn from(err: MapsError) -> Self {
        let message = err.to_string();
        match err {
            MapsError::Invalid(_) => ApiError::invalid(message),
            MapsError::Request(api) => api,
            MapsError::Lookup(lookup) => lookup.into(),
            MapsError::NoRoute(_) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "no_route", message)
            }
            MapsError::Unavailable(unavailable) => unavailable.into(),
            MapsError::Store(source) => ApiError::internal(source),
        }
    }
}
