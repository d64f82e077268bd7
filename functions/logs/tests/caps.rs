//! log-alerts under pressure: the front-end cap and its digest, Slack's rate limits, and
//! alerts whose line has no message.

mod common;

use common::*;
use serde_json::json;
use std::time::Duration;

const WORDS: [&str; 10] = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
];

/// A browser's error as frontend-logs writes it, with a letter-only message.
fn browser_error(word: &str) -> String {
    json!({"timestamp": "2026-11-27T10:15:42Z", "level": "ERROR", "service": "frontend", "function": "browser", "event": "frontend.error", "message": format!("checkout broke at {word}")}).to_string()
}

#[tokio::test]
async fn anonymous_front_end_errors_beyond_the_cap_become_one_digest_in_their_own_channel() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let flood: Vec<String> = WORDS.iter().map(|word| browser_error(word)).collect();
    let first = payload(FRONTEND_GROUP, "flood", &flood);
    let summary = h.invoke(&first).await.unwrap();
    assert_eq!((summary.posted, summary.capped), (3, 7));
    let again = h.invoke(&first).await.unwrap();
    assert_eq!((again.posted, again.capped, again.duplicates), (0, 0, 10));

    h.advance(FRONTEND_WINDOW + Duration::from_secs(1));
    let next = payload(FRONTEND_GROUP, "next", &[browser_error("kilo")]);
    let summary = h.invoke(&next).await.unwrap();
    assert_eq!((summary.digests, summary.posted), (1, 1));
    let again = h.invoke(&next).await.unwrap();
    assert_eq!((again.digests, again.posted, again.duplicates), (0, 0, 1));

    let posts = h.posts().await;
    assert_eq!(posts.len(), 5);
    assert!(posts.iter().all(|post| post["channel"] == FRONTEND_CHANNEL));
    assert_eq!(
        posts[3]["text"],
        "7 more front-end alerts (7 events) were not posted: at most 3 per 10 min"
    );
}

#[tokio::test]
async fn server_errors_are_not_held_back_by_the_front_end_cap() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let lines = server_errors(&WORDS);
    let summary = h
        .invoke(&payload(AUTH_GROUP, "auth", &lines))
        .await
        .unwrap();
    assert_eq!((summary.posted, summary.capped), (10, 0));
}

#[tokio::test]
async fn a_rate_limit_beyond_the_deadline_leaves_the_rest_of_the_batch_for_the_retry() {
    let h = Harness::start().await;
    h.slack_limits_once(30).await;
    h.slack_ok().await;
    let lines = server_errors(&WORDS[..3]);
    let batch = payload(AUTH_GROUP, "limited", &lines);
    let err = h
        .invoke_within(&batch, Duration::from_secs(5))
        .await
        .unwrap_err();
    assert_undelivered(&err, 3, 3);
    assert_eq!(h.posts().await.len(), 1);
    h.advance(Duration::from_secs(60));
    assert_eq!(h.invoke(&batch).await.unwrap().posted, 3);
    assert_eq!(h.invoke(&batch).await.unwrap().duplicates, 3);
    assert_eq!(h.posts().await.len(), 4);
}

#[tokio::test]
async fn a_warning_without_a_message_shows_its_fields_redacted() {
    let h = Harness::start().await;
    h.slack_ok().await;
    let warning = json!({"timestamp": "2026-11-27T10:15:42Z", "level": "WARN", "target": "shared::status", "service": "dta", "function": "starjack-dta-api", "event": "status.check_failed", "check": "skidata", "error": "login refused for password=correct horse battery"}).to_string();
    h.invoke(&payload(AUTH_GROUP, "w", &[warning]))
        .await
        .unwrap();
    let posted = h.posts().await[0].to_string();
    assert!(!posted.contains("``````"), "{posted}");
    assert!(posted.contains("check=skidata"), "{posted}");
    assert!(
        posted.contains("error=login refused for password=[REDACTED]"),
        "{posted}"
    );
    assert!(!posted.contains("horse"), "{posted}");
    assert!(!posted.contains("shared::status"), "{posted}");
}
