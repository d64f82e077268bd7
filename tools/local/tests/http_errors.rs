//! Conformance: what the local HTTP API answers when the function behind a route fails, is
//! slow, or is throttled, held to what an API Gateway HTTP API with a Lambda proxy integration
//! (payload format 2.0) answers.
//!
//! Sources, per case:
//! - Function error, crash, function timeout, out of memory, malformed answer: 500
//!   `{"message":"Internal Server Error"}` — API Gateway Developer Guide, "Troubleshooting issues
//!   with HTTP API Lambda integrations" (issue: "My API with a Lambda integration returns
//!   {"message":"Internal Server Error"}"); for function timeouts on an HTTP API also the public
//!   report denoland/deno_registry2#87 ("Lambda timeouts get converted to 500 Internal Errors").
//! - Integration timeout: HTTP APIs wait at most 30 s — API Gateway Developer Guide, "Quotas for
//!   configuring and running an HTTP API in API Gateway" (Integration timeout, 30 seconds; also
//!   awsdocs/amazon-api-gateway-developer-guide#74) — and then answer 503
//!   `{"message":"Service Unavailable"}` while the function runs on (public reports
//!   serverless/serverless#11222, anomalyco/sst#2232, cortexlabs/cortex#1226).
//! - Lambda throttling (`TooManyRequestsException` from Invoke): 500 Internal Server Error —
//!   AWS re:Post Knowledge Center, "How do I troubleshoot API Gateway 500 Internal Server Error"
//!   (throttling issues).

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

mod common;

use common::{eventually, log_messages, options, start_with};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::time::Duration;

async fn get(url: String) -> (u16, Value) {
    let response = reqwest::get(url).await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// A function error, a crash and a function timeout are each a 500 `{"message":"Internal Server
/// Error"}` on an HTTP API (see the module's sources), and the next request is served by a
/// fresh instance.
#[tokio::test]
async fn a_function_error_a_crash_and_a_function_timeout_answer_500_internal_server_error() {
    let (_cloud, stack) = start_with(options(common::fixture_template(), HashMap::new())).await;
    let base = format!("http://127.0.0.1:{}", _cloud.port);
    let internal = json!({"message": "Internal Server Error"});
    for action in ["error", "crash", "slow"] {
        assert_eq!(
            get(format!("{base}/fixture/{action}")).await,
            (500, internal.clone()),
            "{action}"
        );
        assert_eq!(get(format!("{base}/fixture/echo")).await.0, 200);
    }
    let group = format!("/aws/lambda/{stack}-worker");
    let lines = eventually(Duration::from_secs(10), || async {
        let lines = log_messages(&group).await;
        lines
            .iter()
            .any(|l| l.contains("Task timed out after 2.00 seconds"))
            .then_some(lines)
    })
    .await
    .expect("the timeout is logged");
    assert!(lines.iter().any(|l| l.contains("Runtime.ExitError")));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("REPORT RequestId:") && l.contains("Init Duration:"))
    );
}

/// An HTTP API gives up on an integration after its timeout (at most 30 s) and answers 503
/// `{"message":"Service Unavailable"}` (see the module's sources); the timeout is shortened
/// here to keep the test short.
#[tokio::test]
async fn an_integration_slower_than_the_integration_timeout_answers_503_service_unavailable() {
    let mut options = options(common::fixture_template(), HashMap::new());
    options.integration_timeout = Duration::from_millis(500);
    let (cloud, _) = start_with(options).await;
    let base = format!("http://127.0.0.1:{}", cloud.port);
    assert_eq!(
        get(format!("{base}/fixture/slow")).await,
        (503, json!({"message": "Service Unavailable"}))
    );
}

/// A request that finds no free instance in time is throttled by Lambda, which an HTTP API
/// answers with 500 `{"message":"Internal Server Error"}` (see the module's sources).
#[tokio::test]
async fn a_request_that_finds_no_free_instance_in_time_is_throttled_as_a_500() {
    let mut options = options(common::fixture_template(), HashMap::new());
    options.max_instances = 1;
    options.instance_wait = Duration::from_millis(200);
    let (cloud, _) = start_with(options).await;
    let base = format!("http://127.0.0.1:{}", cloud.port);
    assert_eq!(get(format!("{base}/fixture/echo")).await.0, 200);
    let slow = tokio::spawn(get(format!("{base}/fixture/slow")));
    // Well inside the slow invocation's 2 s, so the only instance is busy.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        get(format!("{base}/fixture/echo")).await,
        (500, json!({"message": "Internal Server Error"}))
    );
    assert_eq!(slow.await.unwrap().0, 500);
}

/// API Gateway throttles each route with a token bucket (`ThrottlingBurstLimit` tokens,
/// refilled at `ThrottlingRateLimit` per second) and answers 429 `{"message":"Too Many
/// Requests"}` — API Gateway Developer Guide, "Throttle requests to your HTTP APIs for better
/// throughput in API Gateway" (route-level throttling; the token bucket algorithm).
#[tokio::test]
async fn a_route_over_its_burst_answers_429_too_many_requests_and_other_routes_are_untouched() {
    let (cloud, _) = start_with(options(common::fixture_template(), HashMap::new())).await;
    let base = format!("http://127.0.0.1:{}", cloud.port);
    for _ in 0..2 {
        assert_eq!(get(format!("{base}/throttled/echo")).await.0, 200);
    }
    assert_eq!(
        get(format!("{base}/throttled/echo")).await,
        (429, json!({"message": "Too Many Requests"}))
    );
    assert_eq!(get(format!("{base}/fixture/echo")).await.0, 200);
}
