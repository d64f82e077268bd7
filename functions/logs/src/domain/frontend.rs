//! Front-end log events: a batch from the browser, checked field by field, redacted, and
//! rendered as our JSON log lines so the log subscription treats them like any service's.
//!
//! Nothing a browser sends can pass for a server's: the event time is when we received it (the
//! browser's own time is kept as `client_time`), and its correlation id is namespaced as
//! `browser:<id>`, so it never joins the trail of a server request.

use super::line::Level;
use super::redact::redact;
use serde::Deserialize;
use shared::values::is_word;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Events in one batch, at most.
pub const MAX_EVENTS: usize = 50;
const MAX_MESSAGE_CHARS: usize = 4_096;
const MAX_URL_CHARS: usize = 2_048;
const MAX_USER_AGENT_CHARS: usize = 512;
/// How old an event may be; CloudWatch Logs refuses batches spanning more than a day.
const MAX_AGE_MS: i64 = 23 * 3600 * 1000;
/// How far ahead of our clock a browser's clock may be.
const MAX_SKEW_MS: i64 = 5 * 60 * 1000;
/// The namespace of correlation ids a browser names.
pub const BROWSER_PREFIX: &str = "browser:";
const MAX_BROWSER_ID_CHARS: usize = 64;

/// The body of `POST /logs/frontend`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    pub events: Vec<RawEvent>,
}

/// One event as the browser sends it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub level: String,
    pub message: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub user_agent: Option<String>,
    pub time: String,
    #[serde(default)]
    pub correlation_id: Option<String>,
}

/// A batch or one of its events that cannot be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("events must hold between 1 and {MAX_EVENTS} events")]
    BatchSize,
    #[error("events[{index}].{field}: {reason}")]
    Field {
        index: usize,
        field: &'static str,
        reason: String,
    },
}

/// A checked, redacted front-end event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontendEvent {
    pub level: Level,
    pub message: String,
    pub url: Option<String>,
    pub user_agent: Option<String>,
    /// When we received it: the event's time in the log group.
    pub time_ms: i64,
    /// When the browser says it happened.
    pub client_time_ms: i64,
    /// `browser:<id>`, never a server's id.
    pub correlation_id: Option<String>,
}

/// The browser's id in its own namespace: letters, digits, `-` and `_` only, so that neither
/// a server id nor another namespace can be spelled.
fn browser_correlation_id(raw: &str) -> Option<String> {
    is_word(raw, MAX_BROWSER_ID_CHARS, b"-_").then(|| format!("{BROWSER_PREFIX}{raw}"))
}

impl Batch {
    /// Checks every event against the limits and the clock `now_ms`; the first problem found
    /// is named with its index and field.
    pub fn validate(self, now_ms: i64) -> Result<Vec<FrontendEvent>, Invalid> {
        if self.events.is_empty() || self.events.len() > MAX_EVENTS {
            return Err(Invalid::BatchSize);
        }
        self.events
            .into_iter()
            .enumerate()
            .map(|(index, raw)| {
                raw.validate(now_ms)
                    .map_err(|(field, reason)| Invalid::Field {
                        index,
                        field,
                        reason,
                    })
            })
            .collect()
    }
}

type FieldError = (&'static str, String);

fn bounded(field: &'static str, text: String, max: usize) -> Result<String, FieldError> {
    if text.chars().count() > max {
        return Err((field, format!("longer than {max} characters")));
    }
    Ok(redact(&text).into_owned())
}

impl RawEvent {
    fn validate(self, now_ms: i64) -> Result<FrontendEvent, FieldError> {
        let level = match Level::parse(&self.level) {
            Some(level @ (Level::Error | Level::Warn | Level::Info | Level::Debug)) => level,
            _ => return Err(("level", "must be error, warn, info or debug".into())),
        };
        if self.message.trim().is_empty() {
            return Err(("message", "must not be empty".into()));
        }
        let time = OffsetDateTime::parse(&self.time, &Rfc3339)
            .map_err(|err| ("time", format!("is not an RFC 3339 time: {err}")))?;
        let client_time_ms = (time.unix_timestamp_nanos() / 1_000_000) as i64;
        if client_time_ms < now_ms - MAX_AGE_MS || client_time_ms > now_ms + MAX_SKEW_MS {
            return Err(("time", "must lie within the last 23 hours".into()));
        }
        let correlation_id = match self.correlation_id {
            Some(raw) => Some(browser_correlation_id(&raw).ok_or((
                "correlation_id",
                format!("must be 1 to {MAX_BROWSER_ID_CHARS} letters, digits, - or _"),
            ))?),
            None => None,
        };
        Ok(FrontendEvent {
            level,
            message: bounded("message", self.message, MAX_MESSAGE_CHARS)?,
            url: self
                .url
                .map(|url| bounded("url", url, MAX_URL_CHARS))
                .transpose()?,
            user_agent: self
                .user_agent
                .map(|ua| bounded("user_agent", ua, MAX_USER_AGENT_CHARS))
                .transpose()?,
            time_ms: now_ms,
            client_time_ms,
            correlation_id,
        })
    }
}

impl FrontendEvent {
    /// The event as one of our JSON log lines (service `frontend`, event `frontend.<level>`).
    pub fn to_line(&self) -> String {
        serde_json::json!({
            "timestamp": rfc3339(self.time_ms),
            "client_time": rfc3339(self.client_time_ms),
            "level": self.level.as_str(),
            "service": "frontend",
            "function": "browser",
            "event": format!("frontend.{}", self.level.as_str().to_ascii_lowercase()),
            "message": self.message,
            "url": self.url,
            "user_agent": self.user_agent,
            "correlation_id": self.correlation_id,
        })
        .to_string()
    }
}

fn rfc3339(ms: i64) -> Option<String> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
}

#[cfg(test)]
mod tests;
