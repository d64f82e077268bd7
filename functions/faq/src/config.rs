//! The faq service's configuration, read once at start.

use shared::config::{ConfigError, Env};
use shared::token::TokenVerifier;

/// Everything the faq function needs besides its table client.
pub struct FaqConfig {
    pub table: String,
    pub verifier: TokenVerifier,
}

impl FaqConfig {
    /// Reads `TABLE_NAME` and the token verifier's settings.
    pub fn from_env(env: &Env) -> Result<Self, ConfigError> {
        Ok(Self {
            table: env.required("TABLE_NAME")?,
            verifier: TokenVerifier::from_env(env, "faq")?,
        })
    }
}
