//! `GET /<service>/status` for external monitoring: the version, and a cheap check of each
//! dependency; 200 when all pass, 503 naming what failed.

use crate::http::json;
use futures_util::future::join_all;
use http::StatusCode;
use lambda_http::{Body, Response};
use serde_json::{Map, Value, json};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// How long one dependency check may take before it counts as failed.
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(3);

/// A named dependency check.
pub type Check<'a> = (
    &'static str,
    Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>,
);

/// Wraps a check future with its name.
pub fn check<'a, F, E>(name: &'static str, probe: F) -> Check<'a>
where
    F: Future<Output = Result<(), E>> + Send + 'a,
    E: std::fmt::Display,
{
    (
        name,
        Box::pin(async move { probe.await.map_err(|err| err.to_string()) }),
    )
}

/// Runs every check at once, each within [`CHECK_TIMEOUT`], and renders the report.
pub async fn report(service: &str, checks: Vec<Check<'_>>) -> Response<Body> {
    let outcomes = join_all(checks.into_iter().map(|(name, probe)| async move {
        let outcome = match tokio::time::timeout(CHECK_TIMEOUT, probe).await {
            Ok(outcome) => outcome,
            Err(_) => Err(format!("no answer within {} s", CHECK_TIMEOUT.as_secs())),
        };
        (name, outcome)
    }))
    .await;
    let healthy = outcomes.iter().all(|(_, outcome)| outcome.is_ok());
    let mut details = Map::new();
    for (name, outcome) in outcomes {
        let detail = match outcome {
            Ok(()) => json!({"ok": true}),
            Err(error) => {
                tracing::warn!(event = "status.check_failed", check = name, error = %error);
                json!({"ok": false, "error": error})
            }
        };
        details.insert(name.to_owned(), detail);
    }
    let status = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = json!({
        "service": service,
        "version": env!("CARGO_PKG_VERSION"),
        "status": if healthy { "ok" } else { "failing" },
        "checks": Value::Object(details),
    });
    json(status, &body)
}

/// A cheap check that a DynamoDB table exists and answers.
pub async fn dynamodb_table(client: &aws_sdk_dynamodb::Client, table: &str) -> Result<(), String> {
    client
        .describe_table()
        .table_name(table)
        .send()
        .await
        .map(|_| ())
        .map_err(|err| crate::http::cause_chain(&err))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(response: &Response<Body>) -> Value {
        serde_json::from_slice(response.body().as_ref()).unwrap()
    }

    #[tokio::test]
    async fn all_checks_passing_is_a_200() {
        let response = report("auth", vec![check("table", async { Ok::<_, String>(()) })]).await;
        assert_eq!(response.status(), 200);
        assert_eq!(body(&response)["checks"]["table"]["ok"], true);
    }

    #[tokio::test]
    async fn a_failing_check_is_a_503_naming_it() {
        let response = report(
            "auth",
            vec![
                check("table", async { Ok::<_, String>(()) }),
                check("provider", async { Err::<(), _>("connection refused") }),
            ],
        )
        .await;
        assert_eq!(response.status(), 503);
        let body = body(&response);
        assert_eq!(body["status"], "failing");
        assert_eq!(body["checks"]["provider"]["error"], "connection refused");
    }

    #[tokio::test]
    async fn a_missing_table_fails_the_dynamodb_check() {
        let client = crate::testing::dynamo::client().await;
        assert!(dynamodb_table(&client, "no-such-table").await.is_err());
    }
}
