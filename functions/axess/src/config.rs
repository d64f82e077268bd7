//! The axess service's configuration, read once at start.

use crate::adapters::AxessClientConfig;
use shared::config::{ConfigError, Env};
use shared::provider::{AdapterConfig, ProviderConfig};
use std::time::Duration;

/// Everything the axess function needs besides its clients.
pub struct AxessConfig {
    /// The table, who may call, and the lease of a booking's claim (`AXESS_LEASE_MS`).
    pub adapter: AdapterConfig,
    /// The time an issue needs (the call and the saves around it): a booking stops, resumable,
    /// before the invocation's deadline comes closer than this.
    pub issue_reserve: Duration,
}

impl AxessConfig {
    /// Reads the function's and Axess's configuration; `AXESS_CREDENTIALS` is a JSON object of
    /// credentials references to `{username, password}`.
    pub fn from_env(env: &Env) -> Result<(Self, AxessClientConfig), ConfigError> {
        let axess = ProviderConfig::from_env(env, "AXESS", "AXESS_CREDENTIALS", 3_000)?;
        let config = Self {
            adapter: AdapterConfig::from_env(env, "axess")?,
            issue_reserve: env.millis_or("AXESS_ISSUE_RESERVE_MS", 4_000)?,
        };
        Ok((config, axess))
    }
}
