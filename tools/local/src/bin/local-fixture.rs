//! A test fixture function for the local cloud's own tests: answers HTTP (`/fixture/echo`,
//! `/fixture/crash`, `/fixture/slow`, `/fixture/error`, `/fixture/hog`), processes SQS batches
//! (records with `"fail": true` fail, `"sleep_ms"` take their time, an `"answer"` is returned
//! as the batch's answer), logs the log-subscription payloads and schedules it receives (and
//! fails payloads that mention `fixture.poison`), and sleeps `FIXTURE_INIT_DELAY_MS` in init.

use aws_lambda_events::cloudwatch_logs::LogsEvent;
use aws_lambda_events::sqs::{BatchItemFailure, SqsBatchResponse, SqsEvent};
use lambda_runtime::{Error, LambdaEvent, service_fn};
use serde_json::{Value, json};

async fn handle(event: LambdaEvent<Value>) -> Result<Value, Error> {
    let payload = event.payload;
    if payload.get("Records").is_some() {
        let batch: SqsEvent = serde_json::from_value(payload)?;
        let mut response = SqsBatchResponse::default();
        for record in batch.records {
            let body: Value = serde_json::from_str(record.body.as_deref().unwrap_or("{}"))?;
            let id = record.message_id.unwrap_or_default();
            if let Some(millis) = body["sleep_ms"].as_u64() {
                tracing::info!(event = "fixture.batch_started", id = %body["id"]);
                tokio::time::sleep(std::time::Duration::from_millis(millis)).await;
            }
            if let Some(answer) = body.get("answer") {
                tracing::info!(event = "fixture.answered", id = %body["id"]);
                return Ok(answer.clone());
            }
            if body["fail"].as_bool().unwrap_or(false) {
                tracing::error!(event = "fixture.failed", id = %body["id"], "record failed on purpose");
                let mut failure = BatchItemFailure::default();
                failure.item_identifier = id;
                response.batch_item_failures.push(failure);
            } else {
                tracing::info!(event = "fixture.processed", id = %body["id"]);
            }
        }
        return Ok(serde_json::to_value(response)?);
    }
    if payload.get("awslogs").is_some() {
        // The decoder of LogsEvent needs the text, not a Value.
        let logs: LogsEvent = serde_json::from_str(&payload.to_string())?;
        let messages: Vec<String> = logs
            .aws_logs
            .data
            .log_events
            .into_iter()
            .map(|e| e.message)
            .collect();
        if messages.iter().any(|m| m.contains("fixture.poison")) {
            tracing::warn!(event = "fixture.delivery_failed", messages = %json!(messages));
            return Err("a poisoned log payload".into());
        }
        tracing::info!(event = "fixture.delivered", group = %logs.aws_logs.data.log_group, messages = %json!(messages));
        return Ok(Value::Null);
    }
    if payload.get("detail-type").is_some() {
        tracing::info!(event = "fixture.scheduled");
        return Ok(Value::Null);
    }
    let path = payload["rawPath"].as_str().unwrap_or_default();
    match path {
        "/fixture/crash" => std::process::abort(),
        "/fixture/slow" => tokio::time::sleep(std::time::Duration::from_secs(30)).await,
        "/fixture/error" => return Err("a function error on purpose".into()),
        "/fixture/hog" => hog().await,
        _ => {}
    }
    tracing::error!(event = "fixture.echo", path, "echo");
    Ok(json!({
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "cookies": ["fixture=1"],
        "body": json!({"event": payload}).to_string(),
    }))
}

/// Takes memory 8 MB at a time, touching every page, until it holds 512 MB.
async fn hog() {
    let mut held: Vec<Vec<u8>> = Vec::new();
    for _ in 0..64 {
        held.push(vec![1; 8 * 1024 * 1024]);
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    tracing::info!(event = "fixture.hogged", chunks = held.len());
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    if let Some(millis) = std::env::var("FIXTURE_INIT_DELAY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        tokio::time::sleep(std::time::Duration::from_millis(millis)).await;
    }
    shared::telemetry::init("fixture");
    lambda_runtime::run(service_fn(handle)).await
}
