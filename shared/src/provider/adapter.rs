//! What every ticket-provider adapter reads besides its provider: its table, who may call it,
//! and how long the claim on a booking holds.

use crate::config::{ConfigError, Env};
use crate::token::TokenVerifier;
use std::time::Duration;

/// The configuration every adapter has, whichever provider is behind it.
pub struct AdapterConfig {
    pub table: String,
    pub verifier: TokenVerifier,
    /// How long a booking's claim holds before another delivery may take it over; longer than
    /// the function's timeout, so an owner whose lease ran out is dead.
    pub lease: Duration,
}

impl AdapterConfig {
    /// `TABLE_NAME`, the token verifier of `service` and `<SERVICE>_LEASE_MS` (30 s unless set).
    pub fn from_env(env: &Env, service: &str) -> Result<Self, ConfigError> {
        let lease = format!("{}_LEASE_MS", service.to_ascii_uppercase());
        Ok(Self {
            table: env.required("TABLE_NAME")?,
            verifier: TokenVerifier::from_env(env, service)?,
            lease: env.millis_or(&lease, 30_000)?,
        })
    }
}
