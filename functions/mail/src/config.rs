//! The mail service's configuration, read once at start.

use crate::adapters::MailgunConfig;
use shared::config::{ConfigError, Env};
use shared::outbound::Endpoint;
use std::time::Duration;

/// Everything the mail function needs besides its clients.
pub struct MailConfig {
    pub table: String,
    /// How long a message's claim holds before another delivery may take it over; longer
    /// than the function's timeout, so an owner whose lease ran out is dead.
    pub lease: Duration,
    pub mailgun: MailgunConfig,
}

impl MailConfig {
    pub fn from_env(env: &Env) -> Result<Self, ConfigError> {
        let from = env.required("MAIL_FROM")?;
        if !from.contains('@') || from.chars().any(char::is_control) {
            return Err(ConfigError::malformed(
                "MAIL_FROM",
                "must be an e-mail address",
            ));
        }
        Ok(Self {
            table: env.required("TABLE_NAME")?,
            lease: env.millis_or("MAIL_LEASE_MS", 120_000)?,
            mailgun: MailgunConfig {
                endpoint: Endpoint::from_env(env, "MAILGUN", 4_000)?,
                domain: env.required("MAILGUN_DOMAIN")?,
                api_key: env.required("MAILGUN_API_KEY")?.into(),
                from,
            },
        })
    }
}
