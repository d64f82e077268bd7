//! The liftoperator service's configuration, read once at start.

use shared::config::{ConfigError, Env};
use shared::outbound::{Endpoint, OutboundConfig};
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
    pub fn from_env(env: &Env) -> Result<(Self, Endpoint), ConfigError> {
        let adapters = Endpoint {
            base_url: env.required("API_BASE_URL")?,
            outbound: OutboundConfig::from_env(env, "ADAPTER", 16_000)?.attempts(1),
        };
        let config = Self {
            table: env.required("TABLE_NAME")?,
            verifier: TokenVerifier::from_env(env, "liftoperator")?,
            products_ttl: env.millis_or("PRODUCTS_CACHE_TTL_MS", 60_000)?,
        };
        Ok((config, adapters))
    }
}
