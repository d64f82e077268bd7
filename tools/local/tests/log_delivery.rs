//! Conformance: log subscriptions and the asynchronous invocation that delivers them.
//!
//! Sources: Amazon CloudWatch Logs User Guide, "Real-time processing of log data with
//! subscriptions" (subscriptions receive log events as they are ingested) and the
//! `PutLogEvents` API reference (events may carry timestamps up to 14 days old); AWS Lambda
//! Developer Guide, "Invoking a Lambda function asynchronously" (section "How Lambda handles
//! errors and retries with asynchronous invocation": two retries, about 1 minute before the
//! second attempt and 2 minutes before the third; the same event may arrive more than once) and
//! "Configuring error handling for asynchronous invocation" (`MaximumRetryAttempts`,
//! `MaximumEventAgeInSeconds`, on-failure destinations).

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

mod common;

use common::{eventually, log_messages, options, start_with};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::time::Duration;

/// Writes `message` into the worker's log group, stamped `age` ago.
async fn write_event(stack: &str, message: &Value, age: Duration) {
    let logs = aws_sdk_cloudwatchlogs::Client::new(&shared::aws::load().await);
    let group = format!("/aws/lambda/{stack}-worker");
    let stream = format!("test/{}", uuid::Uuid::new_v4().simple());
    logs.create_log_stream()
        .log_group_name(&group)
        .log_stream_name(&stream)
        .send()
        .await
        .unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    let event = aws_sdk_cloudwatchlogs::types::InputLogEvent::builder()
        .timestamp((now - age.as_millis() as i128) as i64)
        .message(message.to_string())
        .build()
        .unwrap();
    logs.put_log_events()
        .log_group_name(&group)
        .log_stream_name(&stream)
        .log_events(event)
        .send()
        .await
        .unwrap();
}

async fn watcher_lines(stack: &str, needle: &str, marker: &str, count: usize) -> Vec<String> {
    let group = format!("/aws/lambda/{stack}-watcher");
    eventually(Duration::from_secs(30), || async {
        let lines: Vec<String> = log_messages(&group)
            .await
            .into_iter()
            .filter(|l| l.contains(needle) && l.contains(marker))
            .collect();
        (lines.len() >= count).then_some(lines)
    })
    .await
    .unwrap_or_else(|| panic!("{count} {needle} line(s) for {marker}"))
}

fn marker() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Subscriptions deliver what is ingested, whatever its timestamp: an event stamped two hours
/// ago but written now reaches the subscribed function.
#[tokio::test]
async fn an_event_stamped_two_hours_ago_but_ingested_now_is_delivered() {
    let (_cloud, stack) = start_with(options(common::fixture_template(), HashMap::new())).await;
    let marker = marker();
    let event = json!({"level": "ERROR", "event": "fixture.old", "marker": marker});
    write_event(&stack, &event, Duration::from_secs(2 * 3600)).await;
    watcher_lines(&stack, "fixture.delivered", &marker, 1).await;
}

/// A failing asynchronous event is retried `MaximumRetryAttempts` times (1 in the fixture),
/// after Lambda's ~1 minute (scaled down here), then sent to the on-failure destination with
/// `RetriesExhausted` and the number of attempts.
#[tokio::test]
async fn a_failing_delivery_is_retried_per_event_invoke_config_then_sent_to_the_destination() {
    let mut options = options(common::fixture_template(), HashMap::new());
    options.asynchronous.time_scale = 0.01;
    let (_cloud, stack) = start_with(options).await;
    let marker = marker();
    let event = json!({"level": "ERROR", "event": "fixture.poison", "marker": marker});
    write_event(&stack, &event, Duration::ZERO).await;
    let sqs = aws_sdk_sqs::Client::new(&shared::aws::load().await);
    let url = common::queue_url(&sqs, &format!("{stack}-WatcherFailures")).await;
    let record: Value = eventually(Duration::from_secs(30), || async {
        let received = sqs
            .receive_message()
            .queue_url(&url)
            .wait_time_seconds(1)
            .send()
            .await
            .unwrap();
        received
            .messages
            .unwrap_or_default()
            .into_iter()
            .find_map(|m| serde_json::from_str(m.body()?).ok())
    })
    .await
    .expect("the event reaches the on-failure destination");
    assert_eq!(record["requestContext"]["condition"], "RetriesExhausted");
    assert_eq!(record["requestContext"]["approximateInvokeCount"], 2);
    let failures = watcher_lines(&stack, "fixture.delivery_failed", &marker, 2).await;
    assert_eq!(failures.len(), 2, "one attempt and one retry");
}

/// Lambda may deliver an asynchronous event more than once; with duplicates switched on, the
/// subscribed function sees the same payload twice.
#[tokio::test]
async fn asynchronous_events_can_be_delivered_twice() {
    let mut options = options(common::fixture_template(), HashMap::new());
    options.asynchronous.duplicate_rate = 1.0;
    let (_cloud, stack) = start_with(options).await;
    let marker = marker();
    let event = json!({"level": "ERROR", "event": "fixture.twice", "marker": marker});
    write_event(&stack, &event, Duration::ZERO).await;
    watcher_lines(&stack, "fixture.delivered", &marker, 2).await;
}
