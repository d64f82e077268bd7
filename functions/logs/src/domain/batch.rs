//! Turns one batch of log events into the alerts it asks for: every event is read, filtered by
//! the policy, redacted, and grouped with the other events of the same failure, so that each
//! event ends up counted in exactly one place.

use super::line::LogLine;
use super::policy::Policy;
use super::redact::{MASK, redact};
use super::source::{fingerprint, function_of_group, service_of_group};
use std::collections::HashMap;

/// Where a batch's events were logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub log_group: String,
    pub log_stream: String,
}

/// One log event as CloudWatch Logs delivers it.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub timestamp_ms: i64,
    pub message: &'a str,
}

/// The first event of an alert, redacted, with what the message shows about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub event_id: String,
    pub timestamp_ms: i64,
    pub service: String,
    pub function: Option<String>,
    pub line: LogLine,
}

/// The events of one batch that are the same failure (service, kind, message fingerprint).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// `service|kind|fingerprint`: what bursts are folded by, across batches.
    pub burst_key: String,
    pub channel: String,
    pub first: Occurrence,
    /// Events of this batch folded into this alert, the first included.
    pub count: u64,
}

impl Alert {
    /// The key that makes posting this alert happen once however often the batch is delivered.
    pub fn delivery_key(&self) -> String {
        format!("event#{}", self.first.event_id)
    }
}

/// Distinct alerts beyond the per-batch message limit, summed up in one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub channel: String,
    pub alerts: Vec<Alert>,
}

impl Overview {
    /// Once per batch, like [`Alert::delivery_key`].
    pub fn delivery_key(&self) -> String {
        let first = self
            .alerts
            .first()
            .map_or("", |a| a.first.event_id.as_str());
        format!("overview#{first}")
    }

    /// Events the overview stands for.
    pub fn events(&self) -> u64 {
        self.alerts.iter().map(|alert| alert.count).sum()
    }
}

/// How the events of a batch were accounted for; `received` is the sum of the others.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub received: u64,
    /// Lines with nothing to act on: platform lifecycle lines, text without a level.
    pub unreadable: u64,
    /// Readable lines the policy does not pass (INFO not allow-listed, DEBUG).
    pub filtered: u64,
    /// Lines folded into alerts or the overview.
    pub alerted: u64,
}

/// What a batch asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub origin: Origin,
    pub alerts: Vec<Alert>,
    pub overview: Option<Overview>,
    pub tally: Tally,
}

/// Reads every entry of a batch from `origin` and groups what the policy passes.
pub fn plan<'a>(
    policy: &Policy,
    stack: &str,
    origin: Origin,
    entries: impl IntoIterator<Item = Entry<'a>>,
) -> Plan {
    let group_service = service_of_group(&origin.log_group, stack);
    let group_function = function_of_group(&origin.log_group).map(str::to_owned);
    let mut tally = Tally::default();
    let mut alerts: Vec<Alert> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for entry in entries {
        tally.received += 1;
        let Some(line) = LogLine::parse(entry.message) else {
            tally.unreadable += 1;
            continue;
        };
        if !policy.passes(&line) {
            tally.filtered += 1;
            continue;
        }
        tally.alerted += 1;
        let line = redacted(line);
        let service = line
            .service
            .clone()
            .unwrap_or_else(|| group_service.clone());
        let burst_key = format!("{service}|{}|{}", line.kind, fingerprint(&line.gist()));
        if let Some(&at) = index.get(&burst_key) {
            alerts[at].count += 1;
            continue;
        }
        index.insert(burst_key.clone(), alerts.len());
        alerts.push(Alert {
            burst_key,
            channel: policy.channel(&line, &service).to_owned(),
            first: Occurrence {
                event_id: entry.id.to_owned(),
                timestamp_ms: entry.timestamp_ms,
                function: line.function.clone().or_else(|| group_function.clone()),
                service,
                line,
            },
            count: 1,
        });
    }
    let (alerts, overview) = limit(alerts, policy);
    Plan {
        origin,
        alerts,
        overview,
        tally,
    }
}

/// Keeps the most severe alerts, first come first, up to the policy's limit; the rest go to
/// one overview.
fn limit(mut alerts: Vec<Alert>, policy: &Policy) -> (Vec<Alert>, Option<Overview>) {
    if alerts.len() <= policy.max_messages_per_batch {
        return (alerts, None);
    }
    alerts.sort_by_key(|alert| std::cmp::Reverse(alert.first.line.level));
    let rest = alerts.split_off(policy.max_messages_per_batch - 1);
    let overview = Overview {
        channel: policy.default_channel().to_owned(),
        alerts: rest,
    };
    (alerts, Some(overview))
}

fn redacted(mut line: LogLine) -> LogLine {
    let clean = |text: &mut String| {
        if let std::borrow::Cow::Owned(masked) = redact(text) {
            *text = masked;
        }
    };
    clean(&mut line.message);
    if let Some(cause) = line.cause.as_mut() {
        clean(cause);
    }
    if let Some(route) = line.route.as_mut() {
        clean(route);
    }
    for (name, value) in &mut line.fields {
        let pair = format!("{name}={value}");
        if let std::borrow::Cow::Owned(masked) = redact(&pair) {
            *value = masked
                .strip_prefix(&format!("{name}="))
                .unwrap_or(MASK)
                .to_owned();
        }
    }
    line
}

#[cfg(test)]
mod tests;
