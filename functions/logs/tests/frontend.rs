//! frontend-logs end to end against moto's CloudWatch Logs.

use logs::adapters::CloudWatchSink;
use logs::handler::frontend::Frontend;
use serde_json::{Value, json};
use shared::testing::function::{self, Answer};
use std::sync::Arc;

const NOW_MS: i64 = 1_795_774_542_000;

struct Harness {
    frontend: Frontend<CloudWatchSink>,
    client: aws_sdk_cloudwatchlogs::Client,
    group: String,
}

impl Harness {
    async fn start(create_group: bool) -> Self {
        let client = aws_sdk_cloudwatchlogs::Client::new(&shared::aws::load().await);
        let group = format!("/starjack-test-{}/frontend", uuid::Uuid::new_v4().simple());
        if create_group {
            client
                .create_log_group()
                .log_group_name(&group)
                .send()
                .await
                .expect("creating the log group on moto");
        }
        Self {
            frontend: Frontend {
                sink: CloudWatchSink::new(client.clone(), &group),
                clock: Arc::new(|| NOW_MS),
            },
            client,
            group,
        }
    }

    async fn call(&self, event: &str, body: Option<Value>) -> Answer {
        let request = function::request(&format!("logs/{event}.json"), body.as_ref(), None);
        function::call(|r| self.frontend.handle(r), request).await
    }

    async fn written(&self) -> Vec<Value> {
        let found = self
            .client
            .filter_log_events()
            .log_group_name(&self.group)
            .send()
            .await;
        let Ok(found) = found else { return Vec::new() };
        found
            .events()
            .iter()
            .map(|e| serde_json::from_str(e.message().unwrap_or_default()).expect("JSON lines"))
            .collect()
    }
}

fn event(level: &str, message: &str, time: &str) -> Value {
    json!({"level": level, "message": message, "url": "https://starjack.example/checkout", "user_agent": "Firefox/133", "time": time, "correlation_id": "corr-browser-1"})
}

#[tokio::test]
async fn the_sample_batch_is_written_as_our_json_lines() {
    let h = Harness::start(true).await;
    let answer = h.call("frontend", None).await;
    assert_eq!((answer.status, answer.body), (202, json!({"accepted": 1})));
    let written = h.written().await;
    assert_eq!(written.len(), 1);
    assert_eq!(written[0]["level"], "ERROR");
    assert_eq!(written[0]["service"], "frontend");
    assert_eq!(written[0]["event"], "frontend.error");
    assert_eq!(written[0]["correlation_id"], "browser:corr-browser-1");
    assert_eq!(written[0]["timestamp"], "2026-11-27T10:15:42Z");
    assert_ne!(written[0]["client_time"], written[0]["timestamp"]);
}

#[tokio::test]
async fn events_are_written_oldest_first_and_redacted() {
    let h = Harness::start(true).await;
    let batch = json!({"events": [
        event("warn", "second", "2026-11-27T10:15:41Z"),
        event("error", "first, token=abc123", "2026-11-27T10:15:40Z"),
    ]});
    h.call("frontend", Some(batch)).await.assert_status(202);
    let written = h.written().await;
    let messages: Vec<_> = written.iter().map(|line| line["message"].clone()).collect();
    assert_eq!(
        messages,
        [json!("first, token=[REDACTED]"), json!("second")]
    );
}

#[tokio::test]
async fn an_invalid_batch_is_a_400_naming_the_field_and_writes_nothing() {
    let h = Harness::start(true).await;
    let batch = json!({"events": [event("error", "ok", "2026-11-27T10:15:40Z"), event("error", "late", "not a time")]});
    let answer = h.call("frontend", Some(batch)).await;
    assert!(
        answer
            .assert_error(400, "invalid_input")
            .starts_with("events[1].time")
    );
    let answer = h.call("frontend", Some(json!({"events": "nope"}))).await;
    answer.assert_error(400, "invalid_input");
    assert!(h.written().await.is_empty());
}

#[tokio::test]
async fn an_oversized_body_is_a_413() {
    let h = Harness::start(true).await;
    let big = json!({"events": [event("error", &"x".repeat(70_000), "2026-11-27T10:15:40Z")]});
    h.call("frontend", Some(big)).await.assert_status(413);
}

#[tokio::test]
async fn status_checks_the_front_end_log_group() {
    let present = Harness::start(true).await;
    present.call("status", None).await.assert_status(200);
    let missing = Harness::start(false).await;
    let answer = missing.call("status", None).await;
    answer.assert_status(503);
    assert_eq!(answer.body["checks"]["frontend_log_group"]["ok"], false);
}

#[tokio::test]
async fn writing_to_a_missing_group_is_a_500_without_details() {
    let h = Harness::start(false).await;
    let answer = h.call("frontend", None).await;
    assert_eq!(answer.assert_error(500, "internal"), "internal error");
}
