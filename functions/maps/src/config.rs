//! The maps service's configuration, read once at start.

use shared::config::{ConfigError, Env};
use shared::expiring::Policy;
use shared::provider::KeyedApi;
use shared::registry::RegistryConfig;
use std::time::Duration;

/// Everything the maps function needs to build its clients and answer.
pub struct MapsConfig {
    pub table: String,
    pub registry: RegistryConfig,
    /// `GOOGLE_MAPS_BASE_URL`, `GOOGLE_MAPS_API_KEY`, `GOOGLE_MAPS_TIMEOUT_MS`.
    pub google: KeyedApi,
    /// Travel times are fresh for `TRAVEL_FRESH_FOR_MS` (an hour); a failing Google is asked
    /// again after `TRAVEL_RETRY_AFTER_MS` (30 s).
    pub travel: Policy,
}

impl MapsConfig {
    pub fn from_env(env: &Env) -> Result<Self, ConfigError> {
        let google = KeyedApi::from_env(env, "GOOGLE_MAPS", 2_500)?;
        let month = Duration::from_secs(30 * 86_400);
        Ok(Self {
            travel: Policy::from_env(env, "TRAVEL", 3_600_000, month, &google.endpoint.outbound)?,
            table: env.required("TABLE_NAME")?,
            registry: RegistryConfig::from_env(env)?,
            google,
        })
    }
}
