//! The weather service's errors and their one mapping to HTTP.

use crate::domain::Invalid;
use crate::ports::{ProviderError, StoreError};
use shared::expiring::Unavailable;
use shared::http::ApiError;
use shared::registry::LookupError;

#[derive(Debug, thiserror::Error)]
pub enum WeatherError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Request(#[from] ApiError),
    #[error(transparent)]
    Lookup(#[from] LookupError),
    #[error(transparent)]
    Unavailable(#[from] Unavailable<ProviderError>),
    #[error("storage failed")]
    Store(#[from] StoreError),
}

impl From<WeatherError> for ApiError {
    fn from(err: WeatherError) -> Self {
        let message = err.to_string();
        match err {
            WeatherError::Invalid(_) => ApiError::invalid(message),
            WeatherError::Request(api) => api,
            WeatherError::Lookup(lookup) => lookup.into(),
            WeatherError::Unavailable(unavailable) => unavailable.into(),
            WeatherError::Store(source) => ApiError::internal(source),
        }
    }
}
