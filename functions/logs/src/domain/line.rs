//! One log line understood: our JSON lines (`shared::telemetry`) and the platform's own plain
//! lines (timeouts, panics, runtime exits, out-of-memory), which count as errors.

use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// Severity of a line, ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}

impl Level {
    /// Parses `ERROR`, `warn`, `Warning`, ... case-insensitively.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.to_ascii_uppercase().as_str() {
            "TRACE" => Some(Self::Trace),
            "DEBUG" => Some(Self::Debug),
            "INFO" => Some(Self::Info),
            "WARN" | "WARNING" => Some(Self::Warn),
            "ERROR" | "FATAL" | "CRITICAL" => Some(Self::Error),
            _ => None,
        }
    }

    /// The name as our log lines spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Trace => "TRACE",
            Self::Debug => "DEBUG",
            Self::Info => "INFO",
            Self::Warn => "WARN",
            Self::Error => "ERROR",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the platform reports outside our JSON lines.
pub mod platform {
    pub const TIMEOUT: &str = "lambda.timeout";
    pub const PANIC: &str = "lambda.panic";
    pub const RUNTIME_EXITED: &str = "lambda.runtime_exited";
    pub const OUT_OF_MEMORY: &str = "lambda.out_of_memory";
    /// A plain-text line that names a level but is not one of the platform's own.
    pub const UNSTRUCTURED: &str = "log.unstructured";
}

/// The kind of a JSON line that has no `event` field.
pub const UNNAMED_EVENT: &str = "log";

/// A log line reduced to what alerting and searching need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    pub level: Level,
    /// The `event` field of our lines, or one of [`platform`]'s kinds.
    pub kind: String,
    pub service: Option<String>,
    pub function: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    pub correlation_id: Option<String>,
    pub route: Option<String>,
    pub cause: Option<String>,
    /// The line's other fields (`check`, `error`, `status`, ...) as `(name, value)`, sorted by name.
    pub fields: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct JsonLine<'a> {
    #[serde(borrow)]
    level: Option<Cow<'a, str>>,
    #[serde(borrow)]
    event: Option<Cow<'a, str>>,
    #[serde(borrow)]
    service: Option<Cow<'a, str>>,
    #[serde(borrow)]
    function: Option<Cow<'a, str>>,
    #[serde(borrow)]
    message: Option<Cow<'a, str>>,
    #[serde(borrow)]
    request_id: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "requestId")]
    lambda_request_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    correlation_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    route: Option<Cow<'a, str>>,
    #[serde(borrow)]
    cause: Option<Cow<'a, str>>,
    #[serde(flatten)]
    rest: BTreeMap<String, Value>,
}

/// Fields every line has that say nothing about the event itself.
const PLUMBING: [&str; 3] = ["timestamp", "target", "threadId"];

fn field_text(value: Value) -> String {
    match value {
        Value::String(text) => text,
        other => other.to_string(),
    }
}

fn owned(value: Option<Cow<'_, str>>) -> Option<String> {
    value.map(Cow::into_owned).filter(|text| !text.is_empty())
}

impl LogLine {
    /// The message, or the fields as `name=value` when the message is empty: what tells one
    /// failure from another.
    pub fn gist(&self) -> String {
        if !self.message.trim().is_empty() {
            return self.message.clone();
        }
        self.fields
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Understands one line; `None` for lines that say nothing alerting or searching can use
    /// (START/END/REPORT, blank lines, plain text without a level).
    pub fn parse(raw: &str) -> Option<Self> {
        let text = raw.trim();
        if text.starts_with('{')
            && let Ok(line) = serde_json::from_str::<JsonLine>(text)
        {
            return Self::from_json(line);
        }
        Self::from_text(text)
    }

    fn from_json(line: JsonLine<'_>) -> Option<Self> {
        let level = Level::parse(line.level.as_deref()?)?;
        Some(Self {
            level,
            kind: owned(line.event).unwrap_or_else(|| UNNAMED_EVENT.to_owned()),
            service: owned(line.service),
            function: owned(line.function),
            message: owned(line.message).unwrap_or_default(),
            request_id: owned(line.request_id).or_else(|| owned(line.lambda_request_id)),
            correlation_id: owned(line.correlation_id),
            route: owned(line.route),
            cause: owned(line.cause),
            fields: line
                .rest
                .into_iter()
                .filter(|(name, value)| !PLUMBING.contains(&name.as_str()) && !value.is_null())
                .map(|(name, value)| (name, field_text(value)))
                .collect(),
        })
    }

    fn from_text(text: &str) -> Option<Self> {
        if text.is_empty() || is_lifecycle(text) {
            return None;
        }
        let (level, kind) = if let Some(kind) = platform_kind(text) {
            (Level::Error, kind)
        } else {
            (textual_level(text)?, platform::UNSTRUCTURED)
        };
        Some(Self {
            level,
            kind: kind.to_owned(),
            service: None,
            function: None,
            message: text.to_owned(),
            request_id: request_id_in(text),
            correlation_id: None,
            route: None,
            cause: None,
            fields: Vec::new(),
        })
    }
}

fn is_lifecycle(text: &str) -> bool {
    [
        "START RequestId:",
        "END RequestId:",
        "REPORT RequestId:",
        "INIT_START ",
    ]
    .iter()
    .any(|prefix| text.starts_with(prefix))
}

/// Which of the platform's failures a plain line reports, if any.
fn platform_kind(text: &str) -> Option<&'static str> {
    if text.contains("Task timed out after") {
        Some(platform::TIMEOUT)
    } else if text.contains("Runtime.OutOfMemory")
        || text.contains("memory allocation of")
        || (text.contains("Runtime exited") && text.contains("signal: killed"))
    {
        Some(platform::OUT_OF_MEMORY)
    } else if text.contains("' panicked at ") || text.starts_with("panicked at ") {
        Some(platform::PANIC)
    } else if text.contains("Runtime exited") || text.contains("Runtime.ExitError") {
        Some(platform::RUNTIME_EXITED)
    } else {
        None
    }
}

/// A level named as a word of a plain line (`ERROR something failed`).
fn textual_level(text: &str) -> Option<Level> {
    let words = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .take(6);
    let mut level = None;
    for word in words {
        match word {
            "ERROR" | "FATAL" => return Some(Level::Error),
            "WARN" | "WARNING" => level = Some(Level::Warn),
            _ => {}
        }
    }
    level
}

/// The first UUID in a plain line: the Lambda request id the platform prints.
fn request_id_in(text: &str) -> Option<String> {
    text.split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .find(|word| is_uuid(word))
        .map(str::to_owned)
}

fn is_uuid(word: &str) -> bool {
    let groups: Vec<&str> = word.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len)
}

#[cfg(test)]
mod tests;
