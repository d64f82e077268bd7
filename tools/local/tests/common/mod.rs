//! Starting a local cloud for a test, and waiting for what it does asynchronously.
#![allow(dead_code)]

use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The directory holding this build's binaries (the fixture and the functions).
pub fn bin_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_local-fixture"))
        .parent()
        .expect("a bin dir")
        .to_path_buf()
}

/// The options of a test stack of `template` under a fresh stack name, on a free port.
pub fn options(template: PathBuf, parameters: HashMap<String, String>) -> local::Options {
    assert!(
        std::env::var("AWS_ENDPOINT_URL").is_ok(),
        "run through scripts/test, which starts moto's server"
    );
    let mut options = local::Options::new(template, bin_dir());
    options.parameters = parameters;
    options.stack_name = format!("t{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
    options.port = 0;
    options.max_instances = 2;
    options.sqs_concurrency = 2;
    options
}

/// Starts the stack of `options`; returns the cloud and its stack name.
pub async fn start_with(options: local::Options) -> (local::Cloud, String) {
    let stack_name = options.stack_name.clone();
    (
        local::start(options).await.expect("the local cloud starts"),
        stack_name,
    )
}

/// Starts the stack of `template` under a fresh stack name; returns the cloud and that name.
pub async fn start(
    template: PathBuf,
    parameters: HashMap<String, String>,
) -> (local::Cloud, String) {
    start_with(options(template, parameters)).await
}

/// The fixture stack's template.
pub fn fixture_template() -> PathBuf {
    workspace().join("tools/local/tests/fixture.yaml")
}

/// Retries `check` until it returns `Some`, for at most `limit`.
pub async fn eventually<T, F, Fut>(limit: Duration, mut check: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Some(found) = check().await {
            return Some(found);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    None
}

/// Every event in a log group so far, as (stream, message).
pub async fn log_events(group: &str) -> Vec<(String, String)> {
    let config = shared::aws::load().await;
    let logs = aws_sdk_cloudwatchlogs::Client::new(&config);
    let mut events = Vec::new();
    let mut pages = logs
        .filter_log_events()
        .log_group_name(group)
        .into_paginator()
        .send();
    while let Some(Ok(page)) = pages.next().await {
        events.extend(
            page.events
                .unwrap_or_default()
                .into_iter()
                .filter_map(|e| Some((e.log_stream_name.unwrap_or_default(), e.message?))),
        );
    }
    events
}

/// Every message in a log group so far.
pub async fn log_messages(group: &str) -> Vec<String> {
    log_events(group)
        .await
        .into_iter()
        .map(|(_, message)| message)
        .collect()
}

/// The URL of the queue called `name`.
pub async fn queue_url(sqs: &aws_sdk_sqs::Client, name: &str) -> String {
    sqs.get_queue_url()
        .queue_name(name)
        .send()
        .await
        .expect("the queue exists")
        .queue_url
        .expect("a queue URL")
}

/// The queue's (visible, in flight) message counts.
pub async fn queue_depth(sqs: &aws_sdk_sqs::Client, name: &str) -> (i64, i64) {
    let attributes = sqs
        .get_queue_attributes()
        .queue_url(queue_url(sqs, name).await)
        .attribute_names(aws_sdk_sqs::types::QueueAttributeName::All)
        .send()
        .await
        .expect("the queue's attributes")
        .attributes
        .unwrap_or_default();
    let count = |name: &str| {
        attributes
            .get(&aws_sdk_sqs::types::QueueAttributeName::from(name))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (
        count("ApproximateNumberOfMessages"),
        count("ApproximateNumberOfMessagesNotVisible"),
    )
}

/// The strings of a YAML value: itself, or the strings of a list.
pub fn strings(value: &serde_yaml_ng::Value) -> Vec<String> {
    match value {
        serde_yaml_ng::Value::String(one) => vec![one.clone()],
        serde_yaml_ng::Value::Sequence(many) => many
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}
