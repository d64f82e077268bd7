//! Slack: `POST /slack/api/chat.postMessage` with a Bearer bot token and a JSON message, kept
//! as a `slack` record. Errors come as Slack sends them: HTTP 200 with `{"ok": false, "error"}`.

use crate::credentials;
use crate::derive;
use crate::state::Sandbox;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU64, Ordering};

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new().route("/slack/api/chat.postMessage", post(post_message))
}

/// Makes every `ts` unique, also across resets.
static SEQUENCE: AtomicU64 = AtomicU64::new(1);

async fn post_message(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    body: Bytes,
) -> Json<Value> {
    match credentials::bearer(&headers) {
        None => return failure("not_authed"),
        Some(token) if token != sandbox.settings().slack_token => {
            return failure("invalid_auth");
        }
        Some(_) => {}
    }
    let Ok(Value::Object(message)) = serde_json::from_slice::<Value>(&body) else {
        return failure("invalid_json");
    };
    let Some(channel) = message
        .get("channel")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|channel| !channel.is_empty())
    else {
        return failure("channel_not_found");
    };
    let text = message
        .get("text")
        .and_then(Value::as_str)
        .filter(|text| !text.trim().is_empty());
    let blocks = match message.get("blocks") {
        None | Some(Value::Null) => None,
        Some(Value::Array(blocks)) if blocks.is_empty() => None,
        Some(Value::Array(blocks)) => Some(blocks),
        Some(_) => return failure("invalid_blocks"),
    };
    if text.is_none() && blocks.is_none() {
        return failure("no_text");
    }
    let channel_id = channel_id(channel);
    let ts = format!(
        "{}.{:06}",
        time::OffsetDateTime::now_utc().unix_timestamp(),
        SEQUENCE.fetch_add(1, Ordering::Relaxed) % 1_000_000
    );
    let mut record = message.clone();
    record.insert("channelId".into(), json!(channel_id));
    record.insert("ts".into(), json!(ts));
    sandbox.record("slack", Value::Object(record));
    let mut posted = json!({
        "type": "message", "subtype": "bot_message", "bot_id": "B0SANDBOX",
        "text": text.unwrap_or_default(), "ts": ts,
    });
    if let (Some(blocks), Some(posted)) = (blocks, posted.as_object_mut()) {
        posted.insert("blocks".into(), json!(blocks));
    }
    Json(json!({ "ok": true, "channel": channel_id, "ts": ts, "message": posted }))
}

/// Slack answers with the channel's id: kept if given as one, derived from the name otherwise.
fn channel_id(channel: &str) -> String {
    let looks_like_id = channel.len() >= 9
        && channel.starts_with(['C', 'G', 'D'])
        && channel
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if looks_like_id {
        return channel.to_owned();
    }
    let name = channel.trim_start_matches('#');
    format!(
        "C{}",
        derive::hex(&derive::digest(&["slack-channel", name])[..5]).to_ascii_uppercase()
    )
}

fn failure(error: &str) -> Json<Value> {
    Json(json!({ "ok": false, "error": error }))
}
