//! How an adapter reaches its third party: where it is, and the key or the sets of credentials
//! it calls with, read from the environment; secrets are `***` in `Debug`.

use crate::config::{ConfigError, Env};
use crate::outbound::Endpoint;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// A secret text (a password, an API key): `***` in `Debug`, so that no configuration or client
/// printed for a log line shows it.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// The secret itself, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(text: String) -> Self {
        Self(text)
    }
}

impl From<&str> for Secret {
    fn from(text: &str) -> Self {
        Self(text.to_owned())
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// A third party called with an API key: where it is and how to call it, and the key.
#[derive(Debug, Clone)]
pub struct KeyedApi {
    pub endpoint: Endpoint,
    pub api_key: Secret,
}

impl KeyedApi {
    /// `<PREFIX>_API_KEY` and the [`Endpoint`] of `<PREFIX>` (`timeout_ms` unless set, two
    /// attempts for reads).
    pub fn from_env(env: &Env, prefix: &str, timeout_ms: u64) -> Result<Self, ConfigError> {
        Ok(Self {
            endpoint: Endpoint::from_env(env, prefix, timeout_ms)?.attempts(2),
            api_key: env.required(&format!("{prefix}_API_KEY"))?.into(),
        })
    }
}

/// A provider reached at an endpoint with one of several sets of credentials `C`, named by the
/// credentials references bookings carry.
#[derive(Debug, Clone)]
pub struct ProviderConfig<C> {
    pub endpoint: Endpoint,
    pub credentials: HashMap<String, C>,
}

impl<C: DeserializeOwned> ProviderConfig<C> {
    /// The [`Endpoint`] of `prefix` and `credentials_var`, a JSON object of credentials
    /// references to `C`.
    pub fn from_env(
        env: &Env,
        prefix: &str,
        credentials_var: &str,
        timeout_ms: u64,
    ) -> Result<Self, ConfigError> {
        Ok(Self {
            endpoint: Endpoint::from_env(env, prefix, timeout_ms)?,
            credentials: env.json(credentials_var)?,
        })
    }
}

/// A user name and password.
#[derive(Debug, Clone, Deserialize)]
pub struct Login {
    pub username: String,
    pub password: Secret,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_or_key_never_shows_in_debug_output() {
        let login: Login =
            serde_json::from_str(r#"{"username": "starjack", "password": "correct horse"}"#)
                .expect("login");
        let shown = format!("{login:?}");
        assert!(
            shown.contains("starjack") && !shown.contains("correct"),
            "{shown}"
        );
        let api = KeyedApi {
            endpoint: Endpoint::at("http://127.0.0.1:9"),
            api_key: "k-123".into(),
        };
        assert!(!format!("{api:?}").contains("k-123"));
    }
}
