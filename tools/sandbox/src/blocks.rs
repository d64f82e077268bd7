//! Block Kit as Slack shows it, for the page: header, section text and fields, context and
//! divider; mrkdwn's bold, italics, strike, code, code blocks, links, mentions and dates.
//! Slack's own escapes (`&amp;`, `&lt;`, `&gt;`) are undone, then everything is HTML-escaped.

use crate::html::escape;
use regex::{Captures, Regex};
use serde_json::Value;
use std::sync::LazyLock;

/// The emoji our messages use, as Slack draws them; others stay as `:name:`.
const EMOJI: [(&str, &str); 5] = [
    (":red_circle:", "🔴"),
    (":large_orange_circle:", "🟠"),
    (":large_blue_circle:", "🔵"),
    (":warning:", "⚠️"),
    (":white_check_mark:", "✅"),
];

static INLINE: LazyLock<[(Regex, &str); 3]> = LazyLock::new(|| {
    let compile = |pattern: &str| {
        #[allow(clippy::expect_used)]
        Regex::new(pattern).expect("the mrkdwn patterns are valid")
    };
    [
        (compile(r"(^|[\s(])\*([^*\n]+)\*"), "strong"),
        (compile(r"(^|[\s(])_([^_\n]+)_"), "em"),
        (compile(r"(^|[\s(])~([^~\n]+)~"), "s"),
    ]
});

/// The message's blocks as HTML.
pub(crate) fn render(blocks: &[Value]) -> String {
    blocks.iter().map(block).collect()
}

fn block(block: &Value) -> String {
    match block["type"].as_str().unwrap_or_default() {
        "header" => format!(
            r#"<div class="slack-header">{}</div>"#,
            text_object(&block["text"])
        ),
        "section" => {
            let text = match &block["text"] {
                Value::Null => String::new(),
                object => format!("<div>{}</div>", text_object(object)),
            };
            let fields: String = block["fields"]
                .as_array()
                .map(|fields| {
                    fields
                        .iter()
                        .map(|f| format!("<div>{}</div>", text_object(f)))
                        .collect()
                })
                .unwrap_or_default();
            let fields = if fields.is_empty() {
                fields
            } else {
                format!(r#"<div class="slack-fields">{fields}</div>"#)
            };
            format!(r#"<div class="slack-section">{text}{fields}</div>"#)
        }
        "context" => {
            let elements: Vec<String> = block["elements"]
                .as_array()
                .map(|elements| elements.iter().map(text_object).collect())
                .unwrap_or_default();
            format!(r#"<div class="slack-context">{}</div>"#, elements.join(" "))
        }
        "divider" => "<hr>".to_owned(),
        _ => format!(
            "<pre>{}</pre>",
            escape(&serde_json::to_string_pretty(block).unwrap_or_default())
        ),
    }
}

/// A `plain_text` or `mrkdwn` text object.
fn text_object(object: &Value) -> String {
    let text = object["text"].as_str().unwrap_or_default();
    match object["type"].as_str() {
        Some("mrkdwn") => mrkdwn(text),
        _ => emoji(&escape(text)),
    }
}

/// mrkdwn as HTML: code blocks first, then links and mentions, then inline formatting.
pub(crate) fn mrkdwn(text: &str) -> String {
    let mut html = String::new();
    for (i, part) in text.split("```").enumerate() {
        if i % 2 == 1 {
            html.push_str(&format!("<pre>{}</pre>", escape(&unescape(part))));
        } else {
            html.push_str(&controls(part));
        }
    }
    html
}

/// Splits out `<…>` control sequences; the rest is formatted text.
fn controls(text: &str) -> String {
    let mut html = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        html.push_str(&inline(&rest[..open]));
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            html.push_str(&inline(&rest[open..]));
            return html;
        };
        html.push_str(&control(&after[..close]));
        rest = &after[close + 1..];
    }
    html.push_str(&inline(rest));
    html
}

/// One control sequence: a link, a mention, a date, or unknown (shown as text).
fn control(inner: &str) -> String {
    let (target, label) = match inner.split_once('|') {
        Some((target, label)) => (target, Some(label)),
        None => (inner, None),
    };
    let shown = |fallback: &str| escape(&unescape(label.unwrap_or(fallback)));
    if target.starts_with("https://")
        || target.starts_with("http://")
        || target.starts_with("mailto:")
    {
        return format!(
            r#"<a href="{}">{}</a>"#,
            escape(&unescape(target)),
            shown(target)
        );
    }
    if let Some(special) = target.strip_prefix('!') {
        if let Some(date) = special.strip_prefix("date^") {
            return format!(
                "<time>{}</time>",
                date_of(date).unwrap_or_else(|| shown(special))
            );
        }
        let name = special.split('^').next().unwrap_or(special);
        return format!(
            r#"<span class="mention">@{}</span>"#,
            escape(&unescape(label.unwrap_or(name)))
        );
    }
    if let Some(user) = target.strip_prefix('@') {
        return format!(r#"<span class="mention">@{}</span>"#, shown(user));
    }
    if let Some(channel) = target.strip_prefix('#') {
        return format!(r#"<span class="mention">#{}</span>"#, shown(channel));
    }
    escape(&format!("<{}>", unescape(inner)))
}

/// Plain mrkdwn text: `code` spans kept as they are, bold, italics and strike around them.
fn inline(text: &str) -> String {
    let mut html = String::new();
    for (i, part) in unescape(text).split('`').enumerate() {
        let escaped = escape(part);
        if i % 2 == 1 {
            html.push_str(&format!("<code>{escaped}</code>"));
            continue;
        }
        let mut formatted = emoji(&escaped);
        for (pattern, tag) in INLINE.iter() {
            formatted = pattern
                .replace_all(&formatted, |caps: &Captures<'_>| {
                    format!("{}<{tag}>{}</{tag}>", &caps[1], &caps[2])
                })
                .into_owned();
        }
        html.push_str(&formatted);
    }
    html.replace('\n', "<br>")
}

/// `<!date^SECONDS^…>` as Slack shows it, in UTC (the viewer's zone in Slack).
fn date_of(date: &str) -> Option<String> {
    let seconds: i64 = date.split('^').next()?.parse().ok()?;
    let at = time::OffsetDateTime::from_unix_timestamp(seconds).ok()?;
    Some(format!(
        "{} {:02}:{:02}:{:02} UTC",
        at.date(),
        at.hour(),
        at.minute(),
        at.second()
    ))
}

/// Slack's escapes undone.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn emoji(text: &str) -> String {
    EMOJI.iter().fold(text.to_owned(), |text, (name, glyph)| {
        text.replace(name, glyph)
    })
}

#[cfg(test)]
mod tests;
