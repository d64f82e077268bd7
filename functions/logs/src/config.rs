//! The configuration of both functions, read once at start.

use crate::domain::links::Console;
use crate::domain::policy::Policy;
use crate::payload::DEFAULT_MAX_DECOMPRESSED;
use shared::config::{ConfigError, Env};
use shared::outbound::OutboundConfig;
use std::time::Duration;

/// What `log-alerts` needs besides its clients.
pub struct AlertsConfig {
    pub table: String,
    pub slack_base_url: String,
    pub slack_token: String,
    pub slack: OutboundConfig,
    /// The stack name that prefixes function names (`STACK_NAME`, default `starjack`).
    pub stack: String,
    pub console: Console,
    pub max_decompressed: usize,
    /// This function's own log group, never read even if it were subscribed by mistake.
    pub own_log_group: Option<String>,
    pub policy: Policy,
}

impl AlertsConfig {
    pub fn from_env(env: &Env) -> Result<Self, ConfigError> {
        let timeout = env.millis_or("SLACK_TIMEOUT_MS", 5_000)?;
        let groups = env
            .optional("LOG_ALERTS_INSIGHTS_GROUPS")
            .map(|list| {
                list.split(',')
                    .map(str::trim)
                    .filter(|group| !group.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        Ok(Self {
            table: env.required("TABLE_NAME")?,
            slack_base_url: env.required("SLACK_BASE_URL")?,
            slack_token: env.required("SLACK_BOT_TOKEN")?,
            slack: OutboundConfig {
                timeout,
                connect_timeout: timeout.min(Duration::from_secs(2)),
                max_attempts: 1,
                ..OutboundConfig::default()
            },
            stack: env
                .optional("STACK_NAME")
                .unwrap_or_else(|| "starjack".into()),
            console: Console::new(env.required("AWS_REGION")?, groups),
            max_decompressed: env.parse_or(
                "LOG_ALERTS_MAX_DECOMPRESSED_BYTES",
                DEFAULT_MAX_DECOMPRESSED,
            )?,
            own_log_group: env.optional("AWS_LAMBDA_LOG_GROUP_NAME"),
            policy: Policy::built_in()
                .map_err(|err| ConfigError::malformed("the built-in alert policy", err))?,
        })
    }
}

/// What `frontend-logs` needs besides its clients.
pub struct FrontendConfig {
    /// The log group front-end events are written to (`FRONTEND_LOG_GROUP`).
    pub log_group: String,
}

impl FrontendConfig {
    pub fn from_env(env: &Env) -> Result<Self, ConfigError> {
        Ok(Self {
            log_group: env.required("FRONTEND_LOG_GROUP")?,
        })
    }
}
