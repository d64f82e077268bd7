//! Conformance: the runtime environment of a function instance — its memory limit, its init
//! phase, and the lines Lambda writes when an invocation fails — held to Lambda's, and read
//! back by log-alerts' own classification (`logs::domain::line`).
//!
//! Sources: AWS Lambda Developer Guide, "Understanding the Lambda execution environment
//! lifecycle" (section "Init phase": 10 seconds, then retried in the first invocation with the
//! function's timeout); "Configure Lambda function memory" (the memory a function may use);
//! "Lambda Telemetry API reference" (`platform.report`: `status` `timeout` or `error` with an
//! `errorType` such as `Runtime.OutOfMemory` or `Runtime.ExitError`, which the text `REPORT`
//! line carries as `Status:` and `Error Type:`); "Troubleshoot execution issues in Lambda"
//! (`Runtime exited with error: signal: killed` and `Runtime.OutOfMemory` when a function runs
//! out of memory; `Task timed out after N seconds`).

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

mod common;

use common::{eventually, log_messages, options, start_with};
use logs::domain::line::{LogLine, platform};
use std::collections::HashMap;
use std::time::Duration;

async fn fixture() -> (local::Cloud, String, String) {
    let (cloud, stack) = start_with(options(common::fixture_template(), HashMap::new())).await;
    let base = format!("http://127.0.0.1:{}", cloud.port);
    (cloud, stack, base)
}

async fn lines_with(group: &str, needle: &str) -> Vec<String> {
    eventually(Duration::from_secs(15), || async {
        let lines = log_messages(group).await;
        lines.iter().any(|l| l.contains(needle)).then_some(lines)
    })
    .await
    .unwrap_or_else(|| panic!("{group} never logs {needle}"))
}

/// Lambda stops an instance whose memory exceeds its `MemorySize` and reports
/// `Runtime.OutOfMemory` (see the module's sources); log-alerts classifies those lines as an
/// out-of-memory error.
#[tokio::test]
async fn an_instance_over_its_memory_size_is_killed_and_reported_as_out_of_memory() {
    let (_cloud, stack, base) = fixture().await;
    let response = reqwest::get(format!("{base}/fixture/hog")).await.unwrap();
    assert_eq!(response.status(), 500);
    let group = format!("/aws/lambda/{stack}-worker");
    let lines = lines_with(&group, "Error Type: Runtime.OutOfMemory").await;
    let report = lines
        .iter()
        .find(|l| l.contains("Error Type: Runtime.OutOfMemory"))
        .unwrap();
    assert!(report.starts_with("REPORT RequestId:"), "{report}");
    assert!(report.contains("Status: error"), "{report}");
    assert!(report.contains("Max Memory Used: 128 MB"), "{report}");
    let kinds: Vec<String> = lines
        .iter()
        .filter_map(|l| LogLine::parse(l))
        .map(|l| l.kind)
        .collect();
    assert!(
        kinds.iter().any(|k| k == platform::OUT_OF_MEMORY),
        "{kinds:?}"
    );
    assert!(!lines.iter().any(|l| l.contains("fixture.hogged")));
}

/// The init phase has its own 10 s and does not count against the invocation's timeout (see
/// the module's sources): a function whose init takes 2.5 s answers within its 2 s timeout.
#[tokio::test]
async fn a_slow_init_is_not_counted_against_the_invocation_timeout() {
    let (_cloud, stack, base) = fixture().await;
    let response = reqwest::get(format!("{base}/slowstart/echo"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let group = format!("/aws/lambda/{stack}-slowstart");
    let lines = lines_with(&group, "Init Duration:").await;
    let report = lines.iter().find(|l| l.contains("Init Duration:")).unwrap();
    let init: f64 = report
        .split("Init Duration: ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|ms| ms.parse().ok())
        .unwrap();
    assert!(init >= 2500.0, "{report}");
    assert!(!report.contains("Status:"), "{report}");
}

/// A crash is reported as `Runtime exited with error` and `Runtime.ExitError`, a timeout as
/// `Task timed out after 2.00 seconds` with `Status: timeout` in `REPORT` (see the module's
/// sources); log-alerts classifies them as a runtime exit and a timeout.
#[tokio::test]
async fn crash_and_timeout_lines_are_lambdas_and_log_alerts_classifies_them() {
    let (_cloud, stack, base) = fixture().await;
    for action in ["crash", "slow"] {
        let response = reqwest::get(format!("{base}/fixture/{action}"))
            .await
            .unwrap();
        assert_eq!(response.status(), 500);
    }
    let group = format!("/aws/lambda/{stack}-worker");
    let lines = lines_with(&group, "Status: timeout").await;
    assert!(
        lines.iter().any(
            |l| l.contains("Error: Runtime exited with error: signal: aborted")
                && l.contains("Runtime.ExitError")
        ),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Status: error\tError Type: Runtime.ExitError"))
    );
    let kinds: Vec<String> = lines
        .iter()
        .filter_map(|l| LogLine::parse(l))
        .map(|l| l.kind)
        .collect();
    for kind in [platform::RUNTIME_EXITED, platform::TIMEOUT] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
}
