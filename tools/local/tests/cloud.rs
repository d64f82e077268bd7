//! The local cloud's gateway, SQS semantics, schedules and log subscriptions, on the fixture
//! stack (`tests/fixture.yaml`) against moto.

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

mod common;

use common::{eventually, log_messages, queue_depth, start};
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;

async fn fixture() -> (local::Cloud, String, String) {
    let (cloud, stack) = start(common::fixture_template(), HashMap::new()).await;
    let base = format!("http://127.0.0.1:{}", cloud.port);
    (cloud, stack, base)
}

#[tokio::test]
async fn a_request_reaches_its_function_as_a_payload_2_0_event_and_the_answer_comes_back() {
    let (_cloud, _, base) = fixture().await;
    let response = reqwest::Client::new()
        .get(format!("{base}/fixture/echo?x=1&x=2"))
        .header("x-correlation-id", "c-42")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["set-cookie"], "fixture=1");
    let body: Value = response.json().await.unwrap();
    let event = &body["event"];
    assert_eq!(event["routeKey"], "GET /fixture/{action}");
    assert_eq!(event["pathParameters"]["action"], "echo");
    assert_eq!(event["queryStringParameters"]["x"], "1,2");
    assert_eq!(event["headers"]["x-correlation-id"], "c-42");
}

#[tokio::test]
async fn an_unknown_route_is_a_404() {
    let (_cloud, _, base) = fixture().await;
    let response = reqwest::get(format!("{base}/nothing/here")).await.unwrap();
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn a_failing_record_is_redelivered_until_the_dead_letter_queue_and_a_good_one_is_processed_once()
 {
    let (_cloud, stack, _) = fixture().await;
    let sqs = aws_sdk_sqs::Client::new(&shared::aws::load().await);
    let url = common::queue_url(&sqs, &format!("{stack}-WorkQueue")).await;
    for body in [r#"{"id":"good-1"}"#, r#"{"id":"bad-1","fail":true}"#] {
        sqs.send_message()
            .queue_url(&url)
            .message_body(body)
            .send()
            .await
            .unwrap();
    }
    let dlq = format!("{stack}-WorkDlq");
    let moved = eventually(Duration::from_secs(30), || async {
        (queue_depth(&sqs, &dlq).await.0 == 1).then_some(())
    })
    .await;
    assert!(
        moved.is_some(),
        "the failing record reaches the dead-letter queue"
    );
    assert_eq!(
        queue_depth(&sqs, &format!("{stack}-WorkQueue")).await,
        (0, 0)
    );

    let group = format!("/aws/lambda/{stack}-worker");
    let lines = eventually(Duration::from_secs(10), || async {
        let lines = log_messages(&group).await;
        (lines
            .iter()
            .filter(|l| l.contains("fixture.failed"))
            .count()
            >= 2)
            .then_some(lines)
    })
    .await
    .expect("the failures are logged");
    let processed = lines
        .iter()
        .filter(|l| l.contains("fixture.processed") && l.contains("good-1"))
        .count();
    let failed = lines
        .iter()
        .filter(|l| l.contains("fixture.failed") && l.contains("bad-1"))
        .count();
    assert_eq!(
        processed, 1,
        "the good record is processed once and deleted"
    );
    assert_eq!(failed, 2, "the bad record is tried maxReceiveCount times");
}

#[tokio::test]
async fn matching_log_lines_are_delivered_to_the_subscribed_function_in_the_real_payload() {
    let (_cloud, stack, base) = fixture().await;
    assert_eq!(
        reqwest::get(format!("{base}/fixture/echo"))
            .await
            .unwrap()
            .status(),
        200
    );
    let watcher = format!("/aws/lambda/{stack}-watcher");
    let delivered = eventually(Duration::from_secs(20), || async {
        log_messages(&watcher)
            .await
            .into_iter()
            .find(|l| l.contains("fixture.delivered"))
    })
    .await
    .expect("the watcher receives the worker's error line");
    assert!(delivered.contains("fixture.echo"), "{delivered}");
    assert!(delivered.contains(&format!("/aws/lambda/{stack}-worker")));
    assert!(
        !delivered.contains("REPORT RequestId"),
        "lines outside the filter pattern are not delivered"
    );
}

#[tokio::test]
async fn a_schedule_can_be_fired_on_demand() {
    let (_cloud, stack, base) = fixture().await;
    let fired = reqwest::Client::new()
        .post(format!("{base}/_local/schedules/{stack}-worker"))
        .send()
        .await
        .unwrap();
    assert_eq!(fired.status(), 200);
    let group = format!("/aws/lambda/{stack}-worker");
    let seen = eventually(Duration::from_secs(10), || async {
        log_messages(&group)
            .await
            .into_iter()
            .find(|l| l.contains("fixture.scheduled"))
    })
    .await;
    assert!(seen.is_some());
}
