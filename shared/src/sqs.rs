//! SQS batches with partial failures: each record is parsed and handled on its own, and only
//! the records that failed are reported back, so the others are deleted and never redone.

use crate::correlation::{self, CorrelationId};
use crate::http::cause_chain;
use aws_lambda_events::sqs::{BatchItemFailure, SqsBatchResponse, SqsEvent, SqsMessage};
use lambda_runtime::{LambdaEvent, service_fn};
use serde::de::DeserializeOwned;
use std::error::Error as StdError;
use std::future::Future;
use tracing::Instrument;

/// Runs `handle` for every record of every batch behind the Lambda Runtime API.
pub async fn run<T, F, Fut, E>(handle: F) -> Result<(), lambda_runtime::Error>
where
    T: DeserializeOwned,
    F: Fn(T, &SqsMessage) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: StdError + 'static,
{
    let handle = &handle;
    lambda_runtime::run(service_fn(|event: LambdaEvent<SqsEvent>| async move {
        let span = tracing::info_span!("batch", request_id = %event.context.request_id);
        let response = process_batch(event.payload, handle).instrument(span).await;
        Ok::<_, std::convert::Infallible>(response)
    }))
    .await
}

/// Handles each record of `event` with `handle`, reporting the ids of the failed ones.
/// A body that is not a `T` fails only its own record.
pub async fn process_batch<T, F, Fut, E>(event: SqsEvent, handle: &F) -> SqsBatchResponse
where
    T: DeserializeOwned,
    F: Fn(T, &SqsMessage) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: StdError + 'static,
{
    let mut response = SqsBatchResponse::default();
    for record in &event.records {
        let message_id = record.message_id.clone().unwrap_or_default();
        let correlation_id = CorrelationId::from_incoming(
            record
                .message_attributes
                .get(correlation::HEADER)
                .and_then(|attribute| attribute.string_value.as_deref()),
        );
        let span = tracing::info_span!(
            "message",
            message_id = %message_id,
            correlation_id = %correlation_id,
        );
        let outcome = correlation_id
            .scope(handle_one(record, handle))
            .instrument(span.clone())
            .await;
        if let Err(reason) = outcome {
            span.in_scope(|| {
                tracing::error!(event = "message.failed", reason = %reason, "message will be retried");
            });
            let mut failure = BatchItemFailure::default();
            failure.item_identifier = message_id;
            response.batch_item_failures.push(failure);
        }
    }
    response
}

async fn handle_one<T, F, Fut, E>(record: &SqsMessage, handle: &F) -> Result<(), String>
where
    T: DeserializeOwned,
    F: Fn(T, &SqsMessage) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: StdError + 'static,
{
    let body = record.body.as_deref().unwrap_or_default();
    let message: T =
        serde_json::from_str(body).map_err(|err| format!("malformed message body: {err}"))?;
    handle(message, record)
        .await
        .map_err(|err| cause_chain(&err))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::sync::Mutex;

    #[derive(Debug, Deserialize)]
    struct Job {
        n: i32,
    }

    fn event(bodies: &[&str]) -> SqsEvent {
        let records: Vec<_> = bodies
            .iter()
            .enumerate()
            .map(|(i, body)| {
                serde_json::json!({
                    "messageId": format!("m-{i}"), "receiptHandle": "r", "body": body,
                    "attributes": {}, "messageAttributes": {
                        "x-correlation-id": {"stringValue": format!("c-{i}"), "dataType": "String"}
                    },
                    "md5OfBody": "", "eventSource": "aws:sqs",
                    "eventSourceARN": "arn:aws:sqs:eu-central-1:123456789012:orders",
                    "awsRegion": "eu-central-1"
                })
            })
            .collect();
        serde_json::from_value(serde_json::json!({ "Records": records })).unwrap()
    }

    fn failed_ids(response: &SqsBatchResponse) -> Vec<&str> {
        response
            .batch_item_failures
            .iter()
            .map(|f| f.item_identifier.as_str())
            .collect()
    }

    #[tokio::test]
    async fn only_the_records_that_fail_are_reported() {
        let handle = |job: Job, _: &SqsMessage| async move {
            if job.n % 2 == 0 {
                Ok(())
            } else {
                Err(std::io::Error::other("odd"))
            }
        };
        let response =
            process_batch(event(&[r#"{"n":2}"#, r#"{"n":3}"#, r#"{"n":4}"#]), &handle).await;
        assert_eq!(failed_ids(&response), vec!["m-1"]);
    }

    #[tokio::test]
    async fn a_malformed_body_fails_only_its_own_record() {
        let handled = Mutex::new(Vec::new());
        let handle = |job: Job, _: &SqsMessage| {
            handled.lock().unwrap().push(job.n);
            async { Ok::<_, std::io::Error>(()) }
        };
        let response =
            process_batch(event(&[r#"{"n":1}"#, "not json", r#"{"n":5}"#]), &handle).await;
        assert_eq!(failed_ids(&response), vec!["m-1"]);
        assert_eq!(*handled.lock().unwrap(), vec![1, 5]);
    }

    #[tokio::test]
    async fn each_record_runs_under_its_own_correlation_id() {
        let seen = Mutex::new(Vec::new());
        let handle = |_: Job, _: &SqsMessage| {
            seen.lock()
                .unwrap()
                .push(CorrelationId::current().map(|id| id.to_string()));
            async { Ok::<_, std::io::Error>(()) }
        };
        process_batch(event(&[r#"{"n":1}"#, r#"{"n":2}"#]), &handle).await;
        assert_eq!(
            *seen.lock().unwrap(),
            vec![Some("c-0".to_owned()), Some("c-1".to_owned())]
        );
    }
}
