//! Configuration read once from environment variables, with errors that name the variable.
//!
//! A function whose environment names secrets in [`SECRET_IDS`] reads them on its first lookup,
//! in one call, and every later lookup finds their values first (`shared::secrets`).

use crate::secrets::Secrets;
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::OnceLock;
use std::time::Duration;

/// The variable that names a function's secrets (comma-separated names or ARNs of JSON objects,
/// variable name to value), read once and looked up before the environment.
pub const SECRET_IDS: &str = "SECRET_IDS";

/// A configuration value that is missing or cannot be used; every service's configuration
/// fails with this one error, which names the variable.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("configuration variable {0} is not set")]
    Missing(String),
    #[error("configuration variable {name} is malformed: {reason}")]
    Malformed { name: String, reason: String },
    #[error("the secrets {ids} cannot be read: {reason}")]
    Secrets { ids: String, reason: String },
}

impl ConfigError {
    /// `name` is set but cannot be used, for `reason`.
    pub fn malformed(name: &str, reason: impl std::fmt::Display) -> Self {
        Self::Malformed {
            name: name.to_owned(),
            reason: reason.to_string(),
        }
    }
}

type Lookup = Box<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// The secrets' variables once fetched, or why they could not be.
type Fetched = Result<HashMap<String, String>, ConfigError>;

/// Reads configuration from a source of variables: the process environment in production,
/// a map in tests; and from the secrets the source names in [`SECRET_IDS`], if any.
pub struct Env {
    lookup: Lookup,
    secrets: Option<(Secrets, OnceLock<Fetched>)>,
}

/// The process environment.
pub fn env() -> Env {
    Env::from_fn(|name| std::env::var(name).ok())
}

impl Env {
    /// A source backed by any lookup function.
    pub fn from_fn(lookup: impl Fn(&str) -> Option<String> + Send + Sync + 'static) -> Self {
        let secrets = lookup(SECRET_IDS)
            .and_then(|ids| Secrets::parse(&ids))
            .map(|ids| (ids, OnceLock::new()));
        Self {
            lookup: Box::new(lookup),
            secrets,
        }
    }

    /// A source backed by a map of names to values, such as a test's.
    pub fn from_map(values: HashMap<String, String>) -> Self {
        Self::from_fn(move |name| values.get(name).cloned())
    }

    /// The value of `name` from the secrets (fetched on the first call) or else the source;
    /// the error when the secrets cannot be read.
    fn lookup(&self, name: &str) -> Result<Option<String>, ConfigError> {
        if let Some((ids, values)) = &self.secrets {
            let values = values.get_or_init(|| ids.fetch()).as_ref();
            if let Some(value) = values.map_err(Clone::clone)?.get(name) {
                return Ok(Some(value.clone()));
            }
        }
        Ok((self.lookup)(name))
    }

    /// The value of `name` parsed as JSON into `T`.
    pub fn json<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<T, ConfigError> {
        serde_json::from_str(&self.required(name)?).map_err(|err| ConfigError::malformed(name, err))
    }

    /// The value of `name`; set but blank counts as missing.
    pub fn required(&self, name: &str) -> Result<String, ConfigError> {
        self.lookup(name)?
            .filter(|value| !value.trim().is_empty())
            .ok_or_else(|| ConfigError::Missing(name.to_owned()))
    }

    /// The value of `name`, if set and not blank (and the secrets, if any, could be read: a
    /// function with secrets fails on its first required value otherwise).
    pub fn optional(&self, name: &str) -> Option<String> {
        self.lookup(name)
            .ok()
            .flatten()
            .filter(|value| !value.trim().is_empty())
    }

    /// The value of `name` parsed as `T`.
    pub fn parse<T>(&self, name: &str) -> Result<T, ConfigError>
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        let raw = self.required(name)?;
        parse_as(name, &raw)
    }

    /// The value of `name` parsed as `T`, or `default` when it is not set.
    pub fn parse_or<T>(&self, name: &str, default: T) -> Result<T, ConfigError>
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        match self.optional(name) {
            Some(raw) => parse_as(name, &raw),
            None => Ok(default),
        }
    }

    /// A duration given in milliseconds, or `default_ms` when it is not set.
    pub fn millis_or(&self, name: &str, default_ms: u64) -> Result<Duration, ConfigError> {
        self.parse_or(name, default_ms).map(Duration::from_millis)
    }

    /// A duration given in whole seconds, or `default` when it is not set.
    pub fn seconds_or(&self, name: &str, default: Duration) -> Result<Duration, ConfigError> {
        self.parse_or(name, default.as_secs())
            .map(Duration::from_secs)
    }
}

fn parse_as<T>(name: &str, raw: &str) -> Result<T, ConfigError>
where
    T: FromStr,
    T::Err: std::fmt::Display,
{
    raw.trim()
        .parse()
        .map_err(|err: T::Err| ConfigError::malformed(name, err))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A source of `pairs` (name, value), for the tests of this crate.
    pub(crate) fn source(pairs: &[(&str, &str)]) -> Env {
        Env::from_map(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<HashMap<_, _>>(),
        )
    }

    #[test]
    fn a_missing_variable_is_named_in_the_error() {
        let err = source(&[]).required("TABLE_NAME").unwrap_err();
        assert_eq!(
            err.to_string(),
            "configuration variable TABLE_NAME is not set"
        );
    }

    #[test]
    fn a_blank_variable_counts_as_missing() {
        let err = source(&[("TABLE_NAME", "  ")])
            .required("TABLE_NAME")
            .unwrap_err();
        assert_eq!(err, ConfigError::Missing("TABLE_NAME".into()));
    }

    #[test]
    fn a_malformed_number_names_the_variable_and_the_reason() {
        let err = source(&[("TTL", "ten")]).parse::<u64>("TTL").unwrap_err();
        assert!(matches!(&err, ConfigError::Malformed { name, .. } if name == "TTL"));
        assert!(err.to_string().contains("TTL is malformed"));
    }

    #[test]
    fn a_default_applies_only_when_the_variable_is_unset() {
        let env = source(&[("SET", "7")]);
        assert_eq!(env.parse_or("SET", 3u32), Ok(7));
        assert_eq!(env.parse_or("UNSET", 3u32), Ok(3));
        assert_eq!(
            env.seconds_or("SET", Duration::from_secs(1)),
            Ok(Duration::from_secs(7))
        );
    }
}
