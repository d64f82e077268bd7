//! Where a third party or one of our services is, read from the environment, and a client bound
//! to it: what every adapter that calls out over HTTP starts from.

use super::{Outbound, OutboundConfig};
use crate::config::{ConfigError, Env};
use std::time::Duration;

impl OutboundConfig {
    /// `<PREFIX>_CONNECT_TIMEOUT_MS` (1 s unless set) and `<PREFIX>_TIMEOUT_MS` (`timeout_ms`
    /// unless set), retried as [`OutboundConfig::default`] allows, with the backoff of
    /// `<PREFIX>_RETRY_BASE_DELAY_MS` and `<PREFIX>_RETRY_MAX_DELAY_MS` where they are set.
    pub fn from_env(env: &Env, prefix: &str, timeout_ms: u64) -> Result<Self, ConfigError> {
        let default = Self::default();
        let millis = |name: &str, default: Duration| {
            env.millis_or(&format!("{prefix}_{name}"), default.as_millis() as u64)
        };
        Ok(Self {
            connect_timeout: millis("CONNECT_TIMEOUT_MS", Duration::from_secs(1))?,
            timeout: millis("TIMEOUT_MS", Duration::from_millis(timeout_ms))?,
            base_delay: millis("RETRY_BASE_DELAY_MS", default.base_delay)?,
            max_delay: millis("RETRY_MAX_DELAY_MS", default.max_delay)?,
            ..default
        })
    }

    /// The same with `max_attempts` attempts in all; 1 never retries.
    pub fn attempts(self, max_attempts: u32) -> Self {
        Self {
            max_attempts,
            ..self
        }
    }
}

/// A base URL and how to call it.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub base_url: String,
    pub outbound: OutboundConfig,
}

impl Endpoint {
    /// `base_url` called with the default timeouts and retries.
    pub fn at(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            outbound: OutboundConfig::default(),
        }
    }

    /// `<PREFIX>_BASE_URL` and the timeouts of [`OutboundConfig::from_env`].
    pub fn from_env(env: &Env, prefix: &str, timeout_ms: u64) -> Result<Self, ConfigError> {
        Ok(Self {
            base_url: env.required(&format!("{prefix}_BASE_URL"))?,
            outbound: OutboundConfig::from_env(env, prefix, timeout_ms)?,
        })
    }

    /// The same with `max_attempts` attempts in all; 1 never retries.
    pub fn attempts(mut self, max_attempts: u32) -> Self {
        self.outbound = self.outbound.attempts(max_attempts);
        self
    }
}

/// An [`Outbound`] client bound to an [`Endpoint`]'s base URL.
#[derive(Debug, Clone)]
pub struct Remote {
    pub outbound: Outbound,
    base_url: String,
}

impl Remote {
    /// Builds the client once; call from `main` (through an adapter's constructor).
    pub fn new(endpoint: Endpoint) -> Result<Self, reqwest::Error> {
        Ok(Self {
            outbound: Outbound::new(endpoint.outbound)?,
            base_url: endpoint.base_url.trim_end_matches('/').to_owned(),
        })
    }

    /// The URL of `path` (starting with '/') at the endpoint.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_reads_its_prefixed_url_timeouts_and_backoff_and_a_remote_joins_paths_once() {
        let env = Env::from_map(
            [
                ("MPAY24_BASE_URL", "http://127.0.0.1:9/"),
                ("MPAY24_TIMEOUT_MS", "2500"),
                ("MPAY24_RETRY_BASE_DELAY_MS", "1"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        );
        let endpoint = Endpoint::from_env(&env, "MPAY24", 5_000).expect("endpoint");
        assert_eq!(endpoint.outbound.timeout, Duration::from_millis(2_500));
        assert_eq!(endpoint.outbound.connect_timeout, Duration::from_secs(1));
        assert_eq!(endpoint.outbound.base_delay, Duration::from_millis(1));
        assert_eq!(
            endpoint.outbound.max_delay,
            OutboundConfig::default().max_delay
        );
        let remote = Remote::new(endpoint).expect("client");
        assert_eq!(
            remote.url("/app/bin/etpproxy_v15"),
            "http://127.0.0.1:9/app/bin/etpproxy_v15"
        );
    }

    #[test]
    fn an_endpoint_without_its_base_url_is_a_configuration_error_naming_it() {
        let err = Endpoint::from_env(&Env::from_map(Default::default()), "SKIDATA", 3_000)
            .expect_err("no url");
        assert!(err.to_string().contains("SKIDATA_BASE_URL"), "{err}");
    }
}
