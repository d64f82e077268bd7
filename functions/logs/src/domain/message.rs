//! Slack messages in Block Kit: one per alert, and one overview for the alerts beyond the
//! per-batch limit.

use super::batch::{Alert, Origin, Overview};
use super::line::Level;
use super::links::Console;
use serde::Serialize;
use serde_json::{Value, json};

const MAX_MESSAGE_CHARS: usize = 2_500;
const MAX_CAUSE_CHARS: usize = 1_000;
const MAX_HEADER_CHARS: usize = 150;
const MAX_OVERVIEW_LINES: usize = 15;
const MAX_DETAILS: usize = 15;
const MAX_DETAIL_CHARS: usize = 300;

/// What `chat.postMessage` is sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlackMessage {
    pub channel: String,
    /// The fallback text for notifications.
    pub text: String,
    pub blocks: Value,
}

fn icon(level: Level) -> &'static str {
    match level {
        Level::Error => ":red_circle:",
        Level::Warn => ":large_orange_circle:",
        _ => ":large_blue_circle:",
    }
}

/// Escapes the three characters Slack treats as control characters in mrkdwn and in a
/// message's `text`, so that `<!channel>`, `<@U…>` and `<http…|…>` arrive as plain text.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn code(text: &str, max: usize) -> String {
    let body = truncate(&escape(text), max).replace("```", "` ` `");
    format!("```{body}```")
}

fn field(name: &str, value: Option<&str>) -> Option<Value> {
    value.map(|v| json!({"type": "mrkdwn", "text": format!("*{name}*\n{}", escape(v))}))
}

/// The line's other fields as one code block of `name=value` lines, if it has any.
fn details(fields: &[(String, String)]) -> Option<String> {
    if fields.is_empty() {
        return None;
    }
    let mut lines: Vec<String> = fields
        .iter()
        .take(MAX_DETAILS)
        .map(|(name, value)| format!("{name}={}", truncate(value, MAX_DETAIL_CHARS)))
        .collect();
    if fields.len() > MAX_DETAILS {
        lines.push(format!("… and {} more", fields.len() - MAX_DETAILS));
    }
    Some(code(&lines.join("\n"), MAX_MESSAGE_CHARS))
}

/// The message for `alert` of a batch from `origin`; `carried` counts occurrences folded into
/// the window before this one, reported now.
pub fn alert_message(
    alert: &Alert,
    origin: &Origin,
    carried: u64,
    console: &Console,
) -> SlackMessage {
    let first = &alert.first;
    let line = &first.line;
    let summary = format!(
        "{} {} in {}: {}",
        line.level,
        line.kind,
        first.service,
        escape(&line.gist())
    );
    let header = format!(
        "{} {} · {} · {}",
        icon(line.level),
        line.level,
        first.service,
        line.kind
    );
    let mut counts = Vec::new();
    if alert.count > 1 {
        counts.push(format!("×{} in this batch", alert.count));
    }
    if carried > 0 {
        counts.push(format!("+{carried} more since the last message about this"));
    }
    let occurrences = (!counts.is_empty()).then(|| counts.join(", "));
    let fields: Vec<Value> = [
        field("Service", Some(&first.service)),
        field("Function", first.function.as_deref()),
        field("Level", Some(line.level.as_str())),
        field("Event", Some(&line.kind)),
        field("Request id", line.request_id.as_deref()),
        field("Correlation id", line.correlation_id.as_deref()),
        field("Route", line.route.as_deref()),
        field("Occurrences", occurrences.as_deref()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut blocks = vec![
        json!({"type": "header", "text": {"type": "plain_text", "text": truncate(&header, MAX_HEADER_CHARS), "emoji": true}}),
    ];
    if !line.message.trim().is_empty() {
        blocks.push(json!({"type": "section", "text": {"type": "mrkdwn", "text": code(&line.message, MAX_MESSAGE_CHARS)}}));
    }
    if let Some(details) = details(&line.fields) {
        blocks.push(json!({"type": "section", "text": {"type": "mrkdwn", "text": format!("*Details*\n{details}")}}));
    }
    blocks.push(json!({"type": "section", "fields": fields}));
    if let Some(cause) = &line.cause {
        blocks.push(json!({"type": "section", "text": {"type": "mrkdwn", "text": format!("*Cause*\n{}", code(cause, MAX_CAUSE_CHARS))}}));
    }
    let mut links = vec![format!(
        "<{}|Log stream>",
        console.stream_url(&origin.log_group, &origin.log_stream, first.timestamp_ms)
    )];
    if let Some(url) = line
        .correlation_id
        .as_deref()
        .and_then(|id| console.insights_url(id, first.timestamp_ms))
    {
        links.push(format!(
            "<{url}|This request across all services (Logs Insights)>"
        ));
    }
    links.push(format!(
        "<!date^{}^{{date_short_pretty}} {{time_secs}}|{}>",
        first.timestamp_ms / 1000,
        first.timestamp_ms
    ));
    blocks.push(
        json!({"type": "context", "elements": [{"type": "mrkdwn", "text": links.join(" · ")}]}),
    );
    SlackMessage {
        channel: alert.channel.clone(),
        text: truncate(&summary, MAX_HEADER_CHARS * 2),
        blocks: Value::Array(blocks),
    }
}

/// One message summing up the alerts of a batch beyond the per-batch limit.
pub fn overview_message(overview: &Overview, origin: &Origin, console: &Console) -> SlackMessage {
    let text = format!(
        "{} more distinct alerts ({} events) from {}",
        overview.alerts.len(),
        overview.events(),
        escape(&origin.log_group)
    );
    let mut lines: Vec<String> = overview
        .alerts
        .iter()
        .take(MAX_OVERVIEW_LINES)
        .map(|alert| {
            let line = &alert.first.line;
            format!(
                "• {} *{}* {} `{}` ×{}: {}",
                icon(line.level),
                escape(&alert.first.service),
                line.level,
                escape(&line.kind),
                alert.count,
                escape(&truncate(&line.gist(), 120)),
            )
        })
        .collect();
    if overview.alerts.len() > MAX_OVERVIEW_LINES {
        lines.push(format!(
            "… and {} more",
            overview.alerts.len() - MAX_OVERVIEW_LINES
        ));
    }
    let at = overview.alerts.first().map_or(0, |a| a.first.timestamp_ms);
    let blocks = json!([
        {"type": "header", "text": {"type": "plain_text", "text": truncate(&text, MAX_HEADER_CHARS)}},
        {"type": "section", "text": {"type": "mrkdwn", "text": lines.join("\n")}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": format!("<{}|Log stream>", console.stream_url(&origin.log_group, &origin.log_stream, at))}]},
    ]);
    SlackMessage {
        channel: overview.channel.clone(),
        text,
        blocks,
    }
}

#[cfg(test)]
mod tests;
