//! The liftoperator service's configuration, read once at start.

use crate::adapters::AdapterConfig;
use shared::config::{ConfigError, Env};
use shared::outbound::OutboundConfig;
use shared::token::TokenVerifier;
use std::time::Duration;

/// Everything the liftoperator function needs besides its clients.
pub struct LiftoperatorConfig {
    pub table: String,
    pub verifier: TokenVerifier,
    /// How long an operator's products of a day are answered from the container's cache
    /// (`PRODUCTS_CACHE_TTL_MS`, 60 s; 0 turns the cache off).
    pub products_ttl: Duration,
}

impl LiftoperatorConfig {
    /// Reads the function's configuration and where the adapters are. Adapter calls are
    /// not retried here: the adapters retry their providers themselves, and a booking may
    /// take the adapter most of `ADAPTER_TIMEOUT_MS`.
    pub fn from_env(env: &Env) -> Result<(Self, AdapterConfig), ConfigError> {
        let adapters = AdapterConfig {
            api_base_url: env.required("API_BASE_URL")?,
            outbound: OutboundConfig {
                connect_timeout: env.millis_or("ADAPTER_CONNECT_TIMEOUT_MS", 1_000)?,
                timeout: env.millis_or("ADAPTER_TIMEOUT_MS", 16_000)?,
                max_attempts: 1,
                ..OutboundConfig::default()
            },
        };
        let config = Self {
            table: env.required("TABLE_NAME")?,
            verifier: TokenVerifier::from_env(env, "liftoperator")?,
            products_ttl: env.millis_or("PRODUCTS_CACHE_TTL_MS", 60_000)?,
        };
        Ok((config, adapters))
    }
}
