//! log-alerts end to end: payloads from events/logs/, the ledger on moto, Slack on wiremock.

mod common;

use common::*;
use logs::error::LogsError;
use logs::payload::PayloadError;
use serde_json::json;
use shared::http::Failure;
use shared::testing::stubs::requests;
use std::time::Duration;
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, ResponseTemplate};

#[tokio::test]
async fn one_error_is_posted_with_the_bot_token_as_block_kit() {
    let h = Harness::start().await;
    Mock::given(method("POST"))
        .and(path("/slack/api/chat.postMessage"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true, "ts": "1.2"})))
        .expect(1)
        .mount(&h.slack)
        .await;
    let summary = h.invoke(&event("one-error")).await.unwrap();
    assert_eq!((summary.posted, summary.tally.received), (1, 1));
    let post = &h.posts().await[0];
    assert_eq!(post["channel"], "#alerts-errors");
    assert_eq!(post["text"], "ERROR request.failed in auth: internal error");
    let blocks = post["blocks"].to_string();
    assert!(
        blocks.contains("*Correlation id*\\ncorr-one-error"),
        "{blocks}"
    );
    assert!(blocks.contains("starjack-auth-api"));
    assert!(blocks.contains("logs-insights"));
}

#[tokio::test]
async fn a_control_message_is_acknowledged_without_posting() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let summary = h.invoke(&event("control-message")).await.unwrap();
    assert!(summary.control_message);
    assert!(h.posts().await.is_empty());
}

#[tokio::test]
async fn malformed_payloads_fail_the_invocation_without_posting() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let base64 = h.invoke(&event("malformed-base64")).await.unwrap_err();
    assert!(
        matches!(
            base64,
            Failure::Own(LogsError::Payload(PayloadError::Base64(_)))
        ),
        "{base64}"
    );
    let gzip = h.invoke(&event("malformed-gzip")).await.unwrap_err();
    assert!(
        matches!(
            gzip,
            Failure::Own(LogsError::Payload(PayloadError::Gzip(_)))
        ),
        "{gzip}"
    );
    assert!(h.posts().await.is_empty());
}

#[tokio::test]
async fn plain_text_lines_alert_only_when_they_name_a_level() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let summary = h.invoke(&event("non-json-lines")).await.unwrap();
    assert_eq!(summary.tally.received, 6);
    assert_eq!(summary.tally.unreadable, 4);
    let channels: Vec<_> = h
        .posts()
        .await
        .iter()
        .map(|p| p["channel"].clone())
        .collect();
    assert_eq!(
        channels,
        [json!("#alerts-errors"), json!("#alerts-warnings")]
    );
}

#[tokio::test]
async fn platform_failures_reach_the_platform_channel_as_errors() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let summary = h.invoke(&event("platform-lines")).await.unwrap();
    assert_eq!(summary.posted, 5);
    let posts = h.posts().await;
    assert!(posts.iter().all(|p| p["channel"] == "#alerts-platform"));
    let texts: Vec<String> = posts
        .iter()
        .map(|p| p["text"].as_str().unwrap().to_owned())
        .collect();
    for kind in [
        "lambda.timeout",
        "lambda.panic",
        "lambda.runtime_exited",
        "lambda.out_of_memory",
    ] {
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with(&format!("ERROR {kind} in order"))),
            "{kind}: {texts:?}"
        );
    }
}

#[tokio::test]
async fn every_event_of_the_largest_batch_is_accounted_for() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let summary = h.invoke(&event("batch-5000")).await.unwrap();
    let tally = summary.tally;
    assert_eq!(tally.received, 5_000);
    assert_eq!(tally.unreadable + tally.filtered + tally.alerted, 5_000);
    assert_eq!(tally.alerted, 400 + 200 + 150 + 50);
    assert!(summary.posted <= 20, "{summary:?}");
    assert_eq!(h.posts().await.len(), summary.posted);
}

#[tokio::test]
async fn a_429_is_waited_out_and_the_message_posted_once() {
    let h = Harness::start().await;
    h.slack_limits_once(1).await;
    h.slack_ok().await;
    let summary = h.invoke(&event("one-error")).await.unwrap();
    assert_eq!(summary.posted, 1);
    assert_eq!(requests(&h.slack).await.len(), 2);
}

#[tokio::test]
async fn a_wait_beyond_the_deadline_fails_and_the_retry_posts_once() {
    let h = Harness::start().await;
    h.slack_limits_once(30).await;
    h.slack_ok().await;
    let err = h
        .invoke_within(&event("one-error"), Duration::from_secs(5))
        .await
        .unwrap_err();
    assert_undelivered(&err, 1, 1);
    h.advance(Duration::from_secs(60));
    let retried = h.invoke(&event("one-error")).await.unwrap();
    assert_eq!(retried.posted, 1);
    let again = h.invoke(&event("one-error")).await.unwrap();
    assert_eq!((again.posted, again.duplicates), (0, 1));
    assert_eq!(requests(&h.slack).await.len(), 2);
}

#[tokio::test]
async fn a_retried_invocation_posts_only_what_failed_before() {
    let h = Harness::start().await;
    Mock::given(method("POST"))
        .and(body_partial_json(json!({"channel": "#alerts-warnings"})))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&h.slack)
        .await;
    h.slack_ok().await;
    let batch = payload(
        AUTH_GROUP,
        "p",
        &[
            line("ERROR", "auth", "request.failed", "internal error"),
            line("WARN", "auth", "outbound.retry", "retrying"),
        ],
    );
    let err = h.invoke(&batch).await.unwrap_err();
    assert_undelivered(&err, 1, 2);
    let retried = h.invoke(&batch).await.unwrap();
    assert_eq!((retried.posted, retried.duplicates), (1, 1));
    let channels: Vec<_> = h
        .posts()
        .await
        .iter()
        .map(|p| p["channel"].clone())
        .collect();
    assert_eq!(
        channels,
        [
            json!("#alerts-errors"),
            json!("#alerts-warnings"),
            json!("#alerts-warnings")
        ]
    );
}

#[tokio::test]
async fn a_burst_across_invocations_becomes_one_message_and_a_count() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let failing = |prefix: &str, n: usize| {
        let lines: Vec<String> = (0..n)
            .map(|i| {
                line(
                    "ERROR",
                    "order",
                    "booking.failed",
                    &format!("booking {i} refused"),
                )
            })
            .collect();
        payload("/aws/lambda/starjack-order-processor", prefix, &lines)
    };
    assert_eq!(h.invoke(&failing("a", 1)).await.unwrap().posted, 1);
    h.advance(Duration::from_secs(60));
    let second = h.invoke(&failing("b", 3)).await.unwrap();
    assert_eq!((second.posted, second.suppressed), (0, 1));
    assert_eq!(h.posts().await.len(), 1);
    h.advance(Duration::from_secs(300));
    let third = h.invoke(&failing("c", 2)).await.unwrap();
    assert_eq!(third.posted, 1);
    let posts = h.posts().await;
    assert_eq!(posts.len(), 2);
    assert!(
        posts[1]["blocks"]
            .to_string()
            .contains("×2 in this batch, +3 more since the last message about this")
    );
}

#[tokio::test]
async fn secrets_never_reach_slack() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let secret = serde_json::json!({"level": "ERROR", "service": "payment", "event": "request.failed",
        "message": "mpay24 refused card 4111 1111 1111 1111 with password=hunter22",
        "cause": "POST https://user:pw123@mpay24.test failed, Authorization: Bearer abcdefghijklmnop"}).to_string();
    h.invoke(&payload("/aws/lambda/starjack-payment-api", "s", &[secret]))
        .await
        .unwrap();
    let body = h.posts().await[0].to_string();
    for leaked in ["4111", "hunter22", "pw123", "abcdefghijklmnop"] {
        assert!(!body.contains(leaked), "{leaked} leaked: {body}");
    }
    assert!(body.contains("[REDACTED]"));
}

#[tokio::test]
async fn alerts_are_routed_to_channels_by_policy() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let batch = payload(
        "/aws/lambda/starjack-order-api",
        "r",
        &[
            line("ERROR", "payment", "refund.failed", "refund failed"),
            line("INFO", "order", "order.completed", "order 7 completed"),
            line("INFO", "order", "order.received", "noise"),
            line("INFO", "keycards", "keycard.produced", "card 9 produced"),
            line("ERROR", "faq", "request.failed", "internal error"),
        ],
    );
    let summary = h.invoke(&batch).await.unwrap();
    assert_eq!(summary.tally.filtered, 1);
    let channels: Vec<_> = h
        .posts()
        .await
        .iter()
        .map(|p| p["channel"].clone())
        .collect();
    assert_eq!(
        channels,
        [
            json!("#alerts-payments"),
            json!("#sales"),
            json!("#events"),
            json!("#alerts-errors")
        ]
    );
}

#[tokio::test]
async fn the_functions_own_log_group_is_never_read() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let own = payload(
        "/aws/lambda/starjack-log-alerts",
        "o",
        &[line("ERROR", "logs", "logs.post_failed", "x")],
    );
    let summary = h.invoke(&own).await.unwrap();
    assert_eq!(summary.posted, 0);
    assert!(h.posts().await.is_empty());
}
