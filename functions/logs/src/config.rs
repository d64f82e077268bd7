//! The configuration of both functions, read once at start.

use crate::domain::cap::FrontendCap;
use crate::domain::links::Console;
use crate::domain::policy::Policy;
use crate::payload::DEFAULT_MAX_DECOMPRESSED;
use shared::config::{ConfigError, Env};
use shared::outbound::OutboundConfig;
use std::time::Duration;

/// Where front-end alerts go when `FRONTEND_ALERTS_CHANNEL` names no channel.
pub const DEFAULT_FRONTEND_CHANNEL: &str = "#alerts-frontend";

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
    /// The cap on alerts from the public front-end log group.
    pub frontend: FrontendCap,
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
        let stack = env
            .optional("STACK_NAME")
            .unwrap_or_else(|| "starjack".into());
        let frontend = FrontendCap {
            log_group: env
                .optional("FRONTEND_LOG_GROUP")
                .unwrap_or_else(|| format!("/{stack}/frontend")),
            channel: env
                .optional("FRONTEND_ALERTS_CHANNEL")
                .filter(|channel| !channel.trim().is_empty())
                .unwrap_or_else(|| DEFAULT_FRONTEND_CHANNEL.into()),
            max_posts: env.parse_or("FRONTEND_ALERTS_PER_WINDOW", 5)?,
            window: env.seconds_or("FRONTEND_ALERTS_WINDOW_SECONDS", Duration::from_secs(600))?,
        };
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
            stack,
            console: Console::new(env.required("AWS_REGION")?, groups),
            max_decompressed: env.parse_or(
                "LOG_ALERTS_MAX_DECOMPRESSED_BYTES",
                DEFAULT_MAX_DECOMPRESSED,
            )?,
            own_log_group: env.optional("AWS_LAMBDA_LOG_GROUP_NAME"),
            policy: Policy::built_in()
                .map_err(|err| ConfigError::malformed("the built-in alert policy", err))?,
            frontend,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn env(extra: &[(&str, &str)]) -> Env {
        let base = [
            ("TABLE_NAME", "t"),
            ("SLACK_BASE_URL", "http://127.0.0.1:1"),
            ("SLACK_BOT_TOKEN", "xoxb-1"),
            ("AWS_REGION", "eu-central-1"),
            ("STACK_NAME", "demo"),
        ];
        Env::from_map(
            base.iter()
                .chain(extra)
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn the_front_end_cap_has_safe_defaults_and_follows_the_environment() {
        let defaults = AlertsConfig::from_env(&env(&[])).unwrap().frontend;
        assert_eq!(
            defaults,
            FrontendCap {
                log_group: "/demo/frontend".into(),
                channel: DEFAULT_FRONTEND_CHANNEL.into(),
                max_posts: 5,
                window: Duration::from_secs(600),
            }
        );
        let set = AlertsConfig::from_env(&env(&[
            ("FRONTEND_LOG_GROUP", "/x/frontend"),
            ("FRONTEND_ALERTS_CHANNEL", "#browsers"),
            ("FRONTEND_ALERTS_PER_WINDOW", "2"),
            ("FRONTEND_ALERTS_WINDOW_SECONDS", "60"),
        ]))
        .unwrap()
        .frontend;
        assert_eq!(
            (
                set.log_group.as_str(),
                set.channel.as_str(),
                set.max_posts,
                set.window
            ),
            ("/x/frontend", "#browsers", 2, Duration::from_secs(60))
        );
        assert!(AlertsConfig::from_env(&env(&[("FRONTEND_ALERTS_PER_WINDOW", "many")])).is_err());
    }
}
