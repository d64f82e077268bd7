//! Conformance: SQS event sources as Lambda runs them — partial batch responses, several
//! batches in flight, and the visibility timeout check of the event source mapping.
//!
//! Sources: AWS Lambda Developer Guide, "Handling errors for an SQS event source in Lambda",
//! section "Implementing partial batch responses" (its success and failure conditions);
//! "Configuring scaling behavior for SQS event source mappings" (Lambda reads several batches
//! at once and scales pollers up; `ScalingConfig.MaximumConcurrency` caps them); the
//! `CreateEventSourceMapping` refusal `InvalidParameterValueException: Queue visibility timeout:
//! 60 seconds is less than Function timeout: 120 seconds`, as public reports quote it
//! (18F/identity-terraform#27, winglang/wing#1507, github-aws-runners/terraform-aws-github-runner#465).

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

mod common;

use common::{eventually, log_events, log_messages, options, queue_depth, queue_url, start_with};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

async fn send(sqs: &aws_sdk_sqs::Client, url: &str, body: &Value) {
    sqs.send_message()
        .queue_url(url)
        .message_body(body.to_string())
        .send()
        .await
        .unwrap();
}

/// A null, empty or wrongly keyed `itemIdentifier`, or one that names no message of the batch,
/// fails the whole batch: the message comes back until the dead-letter queue; an empty list
/// means success and the message is deleted ("Implementing partial batch responses").
#[tokio::test]
async fn an_invalid_item_identifier_fails_the_whole_batch_and_an_empty_list_succeeds() {
    let (_cloud, stack) = start_with(options(common::fixture_template(), HashMap::new())).await;
    let sqs = aws_sdk_sqs::Client::new(&shared::aws::load().await);
    let work = queue_url(&sqs, &format!("{stack}-WorkQueue")).await;
    let dlq = format!("{stack}-WorkDlq");
    let invalid = [
        json!({"itemIdentifier": null}),
        json!({"itemIdentifier": ""}),
        json!({"messageId": "x"}),
        json!({"itemIdentifier": "not-in-this-batch"}),
    ];
    for (i, failure) in invalid.iter().enumerate() {
        let answer = json!({"batchItemFailures": [failure]});
        send(
            &sqs,
            &work,
            &json!({"id": format!("bad-{i}"), "answer": answer}),
        )
        .await;
        let moved = eventually(Duration::from_secs(30), || async {
            (queue_depth(&sqs, &dlq).await.0 == (i + 1) as i64).then_some(())
        })
        .await;
        assert!(moved.is_some(), "{failure} fails the batch into the DLQ");
    }
    send(
        &sqs,
        &work,
        &json!({"id": "fine", "answer": {"batchItemFailures": []}}),
    )
    .await;
    let group = format!("/aws/lambda/{stack}-worker");
    eventually(Duration::from_secs(15), || async {
        log_messages(&group)
            .await
            .iter()
            .any(|l| l.contains("fixture.answered") && l.contains("fine"))
            .then_some(())
    })
    .await
    .expect("the empty list is answered");
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(
        queue_depth(&sqs, &dlq).await.0,
        invalid.len() as i64,
        "fine is deleted"
    );
    let answered = log_messages(&group)
        .await
        .iter()
        .filter(|l| l.contains("fixture.answered") && l.contains("\\\"fine\\\""))
        .count();
    assert!(answered <= 1, "fine is answered once, not redelivered");
}

/// Lambda processes several batches of one queue at once ("Configuring scaling behavior for
/// SQS event source mappings"): slow one-message batches run on more than one instance.
#[tokio::test]
async fn several_batches_of_one_queue_are_processed_at_once() {
    let (_cloud, stack) = start_with(options(common::fixture_template(), HashMap::new())).await;
    let sqs = aws_sdk_sqs::Client::new(&shared::aws::load().await);
    let slow = queue_url(&sqs, &format!("{stack}-SlowQueue")).await;
    for i in 0..4 {
        send(
            &sqs,
            &slow,
            &json!({"id": format!("slow-{i}"), "sleep_ms": 1500}),
        )
        .await;
    }
    let group = format!("/aws/lambda/{stack}-worker");
    let streams = eventually(Duration::from_secs(30), || async {
        let events = log_events(&group).await;
        let processed: Vec<_> = events
            .iter()
            .filter(|(_, m)| m.contains("fixture.processed") && m.contains("slow-"))
            .collect();
        (processed.len() == 4).then(|| {
            processed
                .iter()
                .map(|(stream, _)| stream.clone())
                .collect::<HashSet<_>>()
        })
    })
    .await
    .expect("every slow message is processed");
    assert!(streams.len() >= 2, "batches ran on {streams:?}");
}

/// Creating an event source mapping whose queue's visibility timeout is shorter than the
/// function's timeout fails with `InvalidParameterValueException` (public reports above).
#[tokio::test]
async fn a_queue_whose_visibility_timeout_is_shorter_than_the_function_timeout_is_refused() {
    let template = common::workspace().join("tools/local/tests/short_visibility.yaml");
    let refused = local::start(options(template, HashMap::new())).await;
    let Err(err) = refused else {
        panic!("the stack must not start");
    };
    assert!(
        err.to_string().contains(
            "Queue visibility timeout: 1 seconds is less than Function timeout: 2 seconds"
        ),
        "{err}"
    );
}
