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

/// Starts the stack of `template` under a fresh stack name; returns the cloud and that name.
pub async fn start(
    template: PathBuf,
    parameters: HashMap<String, String>,
) -> (local::Cloud, String) {
    assert!(
        std::env::var("AWS_ENDPOINT_URL").is_ok(),
        "run through scripts/test, which starts moto's server"
    );
    let stack_name = format!("t{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
    let options = local::Options {
        template,
        parameters,
        stack_name: stack_name.clone(),
        bin_dir: bin_dir(),
        port: 0,
        max_instances: 2,
    };
    (
        local::start(options).await.expect("the local cloud starts"),
        stack_name,
    )
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

/// Every message in a log group so far.
pub async fn log_messages(group: &str) -> Vec<String> {
    let config = shared::aws::load().await;
    let logs = aws_sdk_cloudwatchlogs::Client::new(&config);
    let mut messages = Vec::new();
    let mut pages = logs
        .filter_log_events()
        .log_group_name(group)
        .into_paginator()
        .send();
    while let Some(Ok(page)) = pages.next().await {
        messages.extend(
            page.events
                .unwrap_or_default()
                .into_iter()
                .filter_map(|e| e.message),
        );
    }
    messages
}
