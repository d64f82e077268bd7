//! `GET /`: what the system sent, newest first, one section per kind of record, and the faults
//! set. Sections go by record kind, so any party's records appear; everything shown is escaped.

use crate::blocks;
use crate::html::{escape, page};
use crate::state::{Record, Sandbox};
use axum::extract::State;
use axum::response::Response;
use serde_json::Value;

/// The most recent records shown per section.
const SHOWN: usize = 50;

/// (title, kind prefixes, how one record is shown).
type Section = (&'static str, &'static [&'static str], fn(&Record) -> String);

const SECTIONS: [Section; 5] = [
    ("Mails", &["mail"], mail),
    ("Slack messages", &["slack"], slack),
    ("Ticket bookings", &["dta.", "axess."], generic),
    ("Keycards", &["keycard."], generic),
    ("Payments", &["payment."], payment),
];

pub(crate) async fn show(State(sandbox): State<Sandbox>) -> Response {
    let records = sandbox.records("");
    let mut body = String::from(
        r#"<p class="meta">Refreshes every 5 seconds · <a href="/_sandbox/records">all records as JSON</a></p>"#,
    );
    for (title, prefixes, render) in SECTIONS {
        let chosen = records
            .iter()
            .filter(|r| prefixes.iter().any(|p| r.kind.starts_with(p)));
        body.push_str(&section(title, chosen, render));
    }
    let others = records.iter().filter(|r| {
        !SECTIONS
            .iter()
            .any(|(_, prefixes, _)| prefixes.iter().any(|p| r.kind.starts_with(p)))
    });
    body.push_str(&section("Other records", others, generic));
    body.push_str(&faults(&sandbox));
    page("Starjack sandbox", &body, Some(5))
}

fn section<'a>(
    title: &str,
    records: impl DoubleEndedIterator<Item = &'a Record>,
    render: fn(&Record) -> String,
) -> String {
    let shown: Vec<String> = records.rev().take(SHOWN).map(render).collect();
    let content = if shown.is_empty() {
        r#"<p class="meta">Nothing yet.</p>"#.to_owned()
    } else {
        shown.concat()
    };
    format!("<section><h2>{}</h2>{content}</section>", escape(title))
}

fn mail(record: &Record) -> String {
    let data = &record.data;
    let html = text(data, "html");
    let rendered = if html.is_empty() {
        String::new()
    } else {
        format!(r#"<iframe sandbox srcdoc="{}"></iframe>"#, escape(&html))
    };
    format!(
        "<article>{meta}<h3>{subject}</h3><p>From {from} to {to}</p>{rendered}<pre>{body}</pre>{json}</article>",
        meta = meta(record),
        subject = escape(&text(data, "subject")),
        from = escape(&text(data, "from")),
        to = escape(&text(data, "to")),
        body = escape(&text(data, "text")),
        json = details(data),
    )
}

/// A Slack message as Slack shows it: its blocks, or its text when it has none.
fn slack(record: &Record) -> String {
    let data = &record.data;
    let shown = match data.get("blocks").and_then(Value::as_array) {
        Some(blocks) if !blocks.is_empty() => blocks::render(blocks),
        _ => blocks::mrkdwn(&text(data, "text")),
    };
    format!(
        r#"<article class="slack">{meta}<h3>{channel}</h3>{shown}{json}</article>"#,
        meta = meta(record),
        channel = escape(&text(data, "channel")),
        json = details(data),
    )
}

fn payment(record: &Record) -> String {
    let link = record
        .data
        .get("mpayTID")
        .and_then(Value::as_str)
        .map(|id| {
            let id = escape(id);
            format!(r#"<p><a href="/mpay24/pay/{id}">payment page {id}</a></p>"#)
        })
        .unwrap_or_default();
    format!(
        "<article>{}{}{link}{}</article>",
        meta(record),
        summary(&record.data),
        details(&record.data)
    )
}

fn generic(record: &Record) -> String {
    format!(
        "<article>{}{}{}</article>",
        meta(record),
        summary(&record.data),
        details(&record.data)
    )
}

fn faults(sandbox: &Sandbox) -> String {
    let faults = sandbox.faults();
    let content = if faults.is_empty() {
        r#"<p class="meta">None.</p>"#.to_owned()
    } else {
        let json = serde_json::to_value(&faults).unwrap_or_default();
        format!("<pre>{}</pre>", escape(&pretty(&json)))
    };
    format!("<section><h2>Faults set</h2>{content}</section>")
}

fn meta(record: &Record) -> String {
    format!(
        r#"<p class="meta">{} · {}</p>"#,
        escape(&record.kind),
        escape(&record.at)
    )
}

/// The record's top-level plain values, `key: value` on one line.
fn summary(data: &Value) -> String {
    let Some(object) = data.as_object() else {
        return String::new();
    };
    let parts: Vec<String> = object
        .iter()
        .filter(|(_, value)| !value.is_object() && !value.is_array() && !value.is_null())
        .map(|(key, value)| {
            format!(
                "<strong>{}</strong>: {}",
                escape(key),
                escape(&plain(value))
            )
        })
        .collect();
    format!("<p>{}</p>", parts.join(" · "))
}

fn details(data: &Value) -> String {
    format!(
        "<details><summary>data</summary><pre>{}</pre></details>",
        escape(&pretty(data))
    )
}

/// A field as text: strings as they are, lists joined, anything else as JSON.
fn text(data: &Value, key: &str) -> String {
    match data.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::Array(items)) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Some(value) => plain(value),
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}
