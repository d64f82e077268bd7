//! The dta service's configuration, read once at start.

use crate::adapters::SkidataConfig;
use shared::config::{ConfigError, Env};
use shared::provider::{AdapterConfig, ProviderConfig};
use std::time::Duration;

/// Everything the dta function needs besides its clients.
pub struct DtaConfig {
    /// The table, who may call, and the lease of a new booking's claim (`DTA_LEASE_MS`).
    pub adapter: AdapterConfig,
    /// How long a booking waits for SkiData to finish an order; below the function's timeout.
    pub booking_deadline: Duration,
    /// The longest pause between two looks at a pending order (the first is an eighth of it).
    pub poll_interval: Duration,
}

impl DtaConfig {
    /// Reads the function's and SkiData's configuration.
    /// `DTA_CREDENTIALS` is a JSON object of credentials references to `{username, password,
    /// contractor_id}`.
    pub fn from_env(env: &Env) -> Result<(Self, SkidataConfig), ConfigError> {
        let skidata = ProviderConfig::from_env(env, "SKIDATA", "DTA_CREDENTIALS", 3_000)?;
        let config = Self {
            adapter: AdapterConfig::from_env(env, "dta")?,
            booking_deadline: env.millis_or("DTA_BOOKING_DEADLINE_MS", 6_000)?,
            poll_interval: env.millis_or("DTA_POLL_INTERVAL_MS", 500)?,
        };
        Ok((config, skidata))
    }
}
