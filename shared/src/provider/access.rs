//! How an adapter reaches its third party: where it is, and the key or the sets of credentials
//! it calls with, read from the environment; secrets are left out of `Debug`.

use crate::config::{ConfigError, Env};
use crate::outbound::Endpoint;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// A third party called with an API key: where it is and how to call it, and the key (left out
/// of `Debug`).
#[derive(Clone)]
pub struct KeyedApi {
    pub endpoint: Endpoint,
    pub api_key: String,
}

impl std::fmt::Debug for KeyedApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyedApi")
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

impl KeyedApi {
    /// `<PREFIX>_API_KEY` and the [`Endpoint`] of `<PREFIX>` (`timeout_ms` unless set, two
    /// attempts for reads).
    pub fn from_env(env: &Env, prefix: &str, timeout_ms: u64) -> Result<Self, ConfigError> {
        Ok(Self {
            endpoint: Endpoint::from_env(env, prefix, timeout_ms)?.attempts(2),
            api_key: env.required(&format!("{prefix}_API_KEY"))?,
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

/// A user name and password; the password is left out of `Debug`.
#[derive(Clone, Deserialize)]
pub struct Login {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Login")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let login: Login =
            serde_json::from_str(r#"{"username": "starjack", "password": "correct horse"}"#)
                .expect("login");
        let shown = format!("{login:?}");
        assert!(
            shown.contains("starjack") && !shown.contains("correct"),
            "{shown}"
        );
    }
}
