//! Slack: chat.postMessage with a Bearer bot token; errors as `{"ok": false, "error"}`.

mod common;

use axum::http::StatusCode;
use common::{post, post_json};
use serde_json::json;

const POST: &str = "/slack/api/chat.postMessage";
const TOKEN: &str = "Bearer xoxb-sandbox";

#[tokio::test]
async fn a_message_is_posted_and_recorded() {
    let (sandbox, app) = common::sandbox();
    let blocks = json!([{ "type": "section", "text": { "type": "mrkdwn", "text": "*ERROR* in order-processor" } }]);
    let message =
        json!({ "channel": "#alerts-error", "text": "ERROR in order-processor", "blocks": blocks });
    let answer = post_json(&app, POST, &message, &[("authorization", TOKEN)]).await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = answer.json();
    assert_eq!(body["ok"], true, "{body}");
    let channel = body["channel"].as_str().expect("channel id");
    assert!(channel.starts_with('C') && channel.len() == 11, "{channel}");
    let ts = body["ts"].as_str().expect("ts");
    assert!(
        ts.split_once('.')
            .is_some_and(|(s, us)| s.parse::<u64>().is_ok() && us.len() == 6),
        "{ts}"
    );
    let record = &sandbox.records("slack")[0].data;
    assert_eq!(record["channel"], "#alerts-error");
    assert_eq!(record["channelId"], channel);
    assert_eq!(record["blocks"], blocks);
    assert_eq!(record["ts"], ts);
}

#[tokio::test]
async fn every_message_gets_its_own_ts_and_a_channel_keeps_its_id() {
    let (_, app) = common::sandbox();
    let message = json!({ "channel": "alerts", "text": "same text" });
    let first = post_json(&app, POST, &message, &[("authorization", TOKEN)])
        .await
        .json();
    let second = post_json(&app, POST, &message, &[("authorization", TOKEN)])
        .await
        .json();
    assert_ne!(first["ts"], second["ts"]);
    assert_eq!(first["channel"], second["channel"]);
    let by_id = json!({ "channel": "C0123456789", "text": "x" });
    assert_eq!(
        post_json(&app, POST, &by_id, &[("authorization", TOKEN)])
            .await
            .json()["channel"],
        "C0123456789"
    );
}

#[tokio::test]
async fn a_wrong_token_is_invalid_auth_and_none_is_not_authed() {
    let (sandbox, app) = common::sandbox();
    let message = json!({ "channel": "#alerts", "text": "x" });
    let wrong = post_json(
        &app,
        POST,
        &message,
        &[("authorization", "Bearer xoxb-guess")],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert_eq!(
        wrong.json(),
        json!({ "ok": false, "error": "invalid_auth" })
    );
    let none = post_json(&app, POST, &message, &[]).await;
    assert_eq!(none.json(), json!({ "ok": false, "error": "not_authed" }));
    assert!(sandbox.records("slack").is_empty());
}

#[tokio::test]
async fn a_message_without_channel_or_content_is_refused_as_slack_does() {
    let (sandbox, app) = common::sandbox();
    for (message, error) in [
        (json!({ "text": "x" }), "channel_not_found"),
        (json!({ "channel": "#alerts" }), "no_text"),
        (
            json!({ "channel": "#alerts", "text": "", "blocks": [] }),
            "no_text",
        ),
        (
            json!({ "channel": "#alerts", "blocks": "nope" }),
            "invalid_blocks",
        ),
    ] {
        let answer = post_json(&app, POST, &message, &[("authorization", TOKEN)]).await;
        assert_eq!(
            answer.json(),
            json!({ "ok": false, "error": error }),
            "{message}"
        );
    }
    let answer = post(
        &app,
        POST,
        "application/json",
        "{not json",
        &[("authorization", TOKEN)],
    )
    .await;
    assert_eq!(answer.json()["error"], "invalid_json");
    assert!(sandbox.records("slack").is_empty());
}

#[tokio::test]
async fn a_rate_limit_fault_answers_429_with_retry_after_once_then_slack_answers_again() {
    let (_, app) = common::sandbox();
    let fault = json!({ "path_prefix": "/slack/api/chat.postMessage", "status": 429, "retry_after": 3, "times": 1 });
    assert_eq!(
        post_json(&app, "/_sandbox/faults", &fault, &[])
            .await
            .status,
        StatusCode::CREATED
    );
    let message = json!({ "channel": "#alerts", "text": "x" });

    let limited = post_json(&app, POST, &message, &[("authorization", TOKEN)]).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.header("retry-after").as_deref(), Some("3"));

    let retried = post_json(&app, POST, &message, &[("authorization", TOKEN)]).await;
    assert_eq!(retried.status, StatusCode::OK);
    assert_eq!(retried.json()["ok"], true);
}

#[tokio::test]
async fn the_page_shows_a_posted_alert_as_slack_does() {
    let (_, app) = common::sandbox();
    let blocks = json!([
        {"type": "header", "text": {"type": "plain_text", "text": ":red_circle: ERROR · auth · request.failed", "emoji": true}},
        {"type": "section", "text": {"type": "mrkdwn", "text": "```&lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more```"}},
        {"type": "section", "fields": [
            {"type": "mrkdwn", "text": "*Service*\nauth"},
            {"type": "mrkdwn", "text": "*Route*\nPOST /auth/login"}
        ]},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "<https://console.aws.example/logs?a=1&amp;b=2|Log stream> · <!date^1795774542^{date_short_pretty} {time_secs}|1795774542000>"}]}
    ]);
    let message = json!({"channel": "#alerts-errors", "text": "ERROR request.failed in auth", "blocks": blocks});
    let posted = post_json(&app, POST, &message, &[("authorization", TOKEN)]).await;
    assert_eq!(posted.json()["ok"], true);
    let page = common::get(&app, "/").await.text();
    let shown = page
        .split("<h3>#alerts-errors</h3>")
        .nth(1)
        .and_then(|rest| rest.split("<details>").next())
        .expect("the message on the page");
    assert_eq!(
        shown,
        "<div class=\"slack-header\">🔴 ERROR · auth · request.failed</div>\
         <div class=\"slack-section\"><div><pre>&lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</pre></div></div>\
         <div class=\"slack-section\"><div class=\"slack-fields\"><div><strong>Service</strong><br>auth</div><div><strong>Route</strong><br>POST /auth/login</div></div></div>\
         <div class=\"slack-context\"><a href=\"https://console.aws.example/logs?a=1&amp;b=2\">Log stream</a> · <time>2026-11-27 10:15:42 UTC</time></div>"
    );
    assert!(!page.contains("<script>"));
}
