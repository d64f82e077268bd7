//! The weather service's configuration, read once at start.

use shared::config::{ConfigError, Env};
use shared::expiring::Policy;
use shared::provider::KeyedApi;
use shared::registry::RegistryConfig;
use std::time::Duration;

/// Everything the weather function needs to build its clients and answer.
pub struct WeatherConfig {
    pub table: String,
    pub registry: RegistryConfig,
    /// `OPENWEATHERMAP_BASE_URL`, `OPENWEATHERMAP_API_KEY`, `OPENWEATHERMAP_TIMEOUT_MS`.
    pub openweathermap: KeyedApi,
    /// Reports are fresh for `WEATHER_FRESH_FOR_MS` (10 minutes); a failing OpenWeatherMap is
    /// asked again after `WEATHER_RETRY_AFTER_MS` (30 s).
    pub cache: Policy,
}

/// How long a report is kept for stale answers.
const KEEP_FOR: Duration = Duration::from_secs(7 * 86_400);

impl WeatherConfig {
    pub fn from_env(env: &Env) -> Result<Self, ConfigError> {
        let openweathermap = KeyedApi::from_env(env, "OPENWEATHERMAP", 2_500)?;
        let cache = Policy::from_env(
            env,
            "WEATHER",
            600_000,
            KEEP_FOR,
            &openweathermap.endpoint.outbound,
        )?;
        Ok(Self {
            table: env.required("TABLE_NAME")?,
            registry: RegistryConfig::from_env(env)?,
            openweathermap,
            cache,
        })
    }
}
