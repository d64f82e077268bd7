//! The dta service's configuration, read once at start.

use crate::adapters::{Credentials, SkidataConfig};
use shared::config::{ConfigError, Env};
use shared::outbound::OutboundConfig;
use shared::token::{TokenVerifier, VerifierConfigError};
use std::collections::HashMap;
use std::time::Duration;

/// Everything the dta function needs besides its clients.
pub struct DtaConfig {
    pub table: String,
    pub verifier: TokenVerifier,
    /// How long a booking waits for SkiData to finish an order; below the function's timeout.
    pub booking_deadline: Duration,
    /// The pause between two looks at a pending order.
    pub poll_interval: Duration,
    /// How long a claim on a new booking holds before another delivery may take it over;
    /// longer than the function's timeout.
    pub lease: Duration,
}

/// Configuration that cannot be used; names the variable.
#[derive(Debug, thiserror::Error)]
pub enum DtaConfigError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Verifier(#[from] VerifierConfigError),
    #[error(
        "DTA_CREDENTIALS must be a JSON object of credentials references to {{username, password, contractor_id}}: {0}"
    )]
    Credentials(serde_json::Error),
}

fn millis<F: Fn(&str) -> Option<String>>(
    env: &Env<F>,
    name: &str,
    default: u64,
) -> Result<Duration, ConfigError> {
    env.parse_or(name, default).map(Duration::from_millis)
}

impl DtaConfig {
    /// Reads the function's and SkiData's configuration.
    pub fn from_env<F: Fn(&str) -> Option<String>>(
        env: &Env<F>,
    ) -> Result<(Self, SkidataConfig), DtaConfigError> {
        let credentials: HashMap<String, Credentials> =
            serde_json::from_str(&env.required("DTA_CREDENTIALS")?)
                .map_err(DtaConfigError::Credentials)?;
        let skidata = SkidataConfig {
            base_url: env.required("SKIDATA_BASE_URL")?,
            credentials,
            outbound: OutboundConfig {
                connect_timeout: millis(env, "SKIDATA_CONNECT_TIMEOUT_MS", 1_000)?,
                timeout: millis(env, "SKIDATA_TIMEOUT_MS", 3_000)?,
                ..OutboundConfig::default()
            },
        };
        let config = Self {
            table: env.required("TABLE_NAME")?,
            verifier: TokenVerifier::from_env(env, "dta")?,
            booking_deadline: millis(env, "DTA_BOOKING_DEADLINE_MS", 6_000)?,
            poll_interval: millis(env, "DTA_POLL_INTERVAL_MS", 500)?,
            lease: millis(env, "DTA_LEASE_MS", 30_000)?,
        };
        Ok((config, skidata))
    }
}
