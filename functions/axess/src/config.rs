//! The axess service's configuration, read once at start.

use crate::adapters::AxessClientConfig;
use shared::config::{ConfigError, Env};
use shared::provider::ProviderConfig;
use shared::token::TokenVerifier;
use std::time::Duration;

/// Everything the axess function needs besides its clients.
pub struct AxessConfig {
    pub table: String,
    pub verifier: TokenVerifier,
    /// How long a booking's claim holds before another delivery may take it over; longer than
    /// the function's timeout, so an owner whose lease ran out is dead.
    pub lease: Duration,
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
            table: env.required("TABLE_NAME")?,
            verifier: TokenVerifier::from_env(env, "axess")?,
            lease: env.millis_or("AXESS_LEASE_MS", 30_000)?,
            issue_reserve: env.millis_or("AXESS_ISSUE_RESERVE_MS", 4_000)?,
        };
        Ok((config, axess))
    }
}
