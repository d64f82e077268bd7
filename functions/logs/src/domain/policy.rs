//! The alert policy (`alert-policy.yaml`): which lines pass, and to which Slack channel.

use super::line::{Level, LogLine};
use serde::Deserialize;
use std::collections::HashSet;
use std::time::Duration;

/// The policy file shipped with the function.
pub const BUILT_IN: &str = include_str!("../../alert-policy.yaml");

/// The policy versions this code understands.
const SUPPORTED_VERSION: u32 = 1;

/// A policy that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("the alert policy is not valid YAML of the expected shape: {0}")]
    Malformed(#[from] serde_yaml_ng::Error),
    #[error("alert policy version {0} is not supported (expected {SUPPORTED_VERSION})")]
    Version(u32),
    #[error("alert policy level {0:?} is not a log level")]
    Level(String),
    #[error("the alert policy has an empty channel name")]
    EmptyChannel,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    info_allow_list: Vec<String>,
    burst_window_seconds: u64,
    max_messages_per_batch: usize,
    default_channel: String,
    routes: Vec<RouteFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteFile {
    #[serde(default)]
    levels: Vec<String>,
    #[serde(default)]
    services: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
    channel: String,
}

/// One routing rule: empty lists match anything.
#[derive(Debug, Clone)]
struct Route {
    levels: Vec<Level>,
    services: Vec<String>,
    kinds: Vec<String>,
    channel: String,
}

impl Route {
    fn matches(&self, line: &LogLine, service: &str) -> bool {
        (self.levels.is_empty() || self.levels.contains(&line.level))
            && (self.services.is_empty() || self.services.iter().any(|s| s == service))
            && (self.kinds.is_empty() || self.kinds.contains(&line.kind))
    }
}

/// Which lines pass, where they go, and how bursts are folded.
#[derive(Debug, Clone)]
pub struct Policy {
    info_allow_list: HashSet<String>,
    routes: Vec<Route>,
    default_channel: String,
    pub burst_window: Duration,
    pub max_messages_per_batch: usize,
}

impl Policy {
    /// Parses and checks a policy file.
    pub fn parse(yaml: &str) -> Result<Self, PolicyError> {
        let file: File = serde_yaml_ng::from_str(yaml)?;
        if file.version != SUPPORTED_VERSION {
            return Err(PolicyError::Version(file.version));
        }
        let routes = file
            .routes
            .into_iter()
            .map(|route| {
                let levels = route
                    .levels
                    .iter()
                    .map(|raw| Level::parse(raw).ok_or_else(|| PolicyError::Level(raw.clone())))
                    .collect::<Result<_, _>>()?;
                Ok(Route {
                    levels,
                    services: route.services,
                    kinds: route.kinds,
                    channel: non_empty(route.channel)?,
                })
            })
            .collect::<Result<_, PolicyError>>()?;
        Ok(Self {
            info_allow_list: file.info_allow_list.into_iter().collect(),
            routes,
            default_channel: non_empty(file.default_channel)?,
            burst_window: Duration::from_secs(file.burst_window_seconds),
            max_messages_per_batch: file.max_messages_per_batch.max(1),
        })
    }

    /// The policy shipped with the function.
    pub fn built_in() -> Result<Self, PolicyError> {
        Self::parse(BUILT_IN)
    }

    /// Whether `line` is worth a message: ERROR and WARN always, INFO only allow-listed events.
    pub fn passes(&self, line: &LogLine) -> bool {
        match line.level {
            Level::Error | Level::Warn => true,
            Level::Info => self.info_allow_list.contains(&line.kind),
            Level::Debug | Level::Trace => false,
        }
    }

    /// The channel for a passing `line` of `service`: the first matching route's, or the default.
    pub fn channel(&self, line: &LogLine, service: &str) -> &str {
        self.routes
            .iter()
            .find(|route| route.matches(line, service))
            .map_or(self.default_channel.as_str(), |route| {
                route.channel.as_str()
            })
    }

    /// The channel for the overview of alerts beyond [`Self::max_messages_per_batch`].
    pub fn default_channel(&self) -> &str {
        &self.default_channel
    }

    /// The INFO events that pass, sorted.
    pub fn info_allow_list(&self) -> Vec<&str> {
        let mut events: Vec<&str> = self.info_allow_list.iter().map(String::as_str).collect();
        events.sort_unstable();
        events
    }
}

fn non_empty(channel: String) -> Result<String, PolicyError> {
    if channel.trim().is_empty() {
        Err(PolicyError::EmptyChannel)
    } else {
        Ok(channel)
    }
}

#[cfg(test)]
mod tests;
