//! `GET /<service>/status` for external monitoring: the version, and a cheap check of each
//! dependency; 200 when all pass, 503 naming what failed, never why: the detail goes to the log,
//! once per check when it starts failing and at most every [`RELOG_AFTER`] while it fails.

use crate::http::json;
use futures_util::future::join_all;
use http::StatusCode;
use lambda_http::{Body, Response};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long one dependency check may take before it counts as failed.
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(3);

/// How long a check that keeps failing stays quiet in the log after it was logged.
pub const RELOG_AFTER: Duration = Duration::from_secs(300);

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
    let now = Instant::now();
    for (name, outcome) in outcomes {
        log_change(service, name, &outcome, now);
        details.insert(name.to_owned(), json!({"ok": outcome.is_ok()}));
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

/// Whether to log a check that is `failing` now, given when its failure was last logged
/// (`None` while it passed): on every change of state, and again [`RELOG_AFTER`] after a
/// failure was logged. The time to remember next.
fn due(logged: Option<Instant>, failing: bool, now: Instant) -> (bool, Option<Instant>) {
    match (logged, failing) {
        (None, false) => (false, None),
        (Some(_), false) => (true, None),
        (Some(at), true) if now.duration_since(at) < RELOG_AFTER => (false, logged),
        (_, true) => (true, Some(now)),
    }
}

/// Logs a check's outcome if it is [`due`]: a WARN with the detail, or an INFO on recovery.
fn log_change(service: &str, name: &'static str, outcome: &Result<(), String>, now: Instant) {
    static LOGGED: OnceLock<Mutex<HashMap<(String, &'static str), Instant>>> = OnceLock::new();
    let mut logged = LOGGED
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let key = (service.to_owned(), name);
    let (log, next) = due(logged.get(&key).copied(), outcome.is_err(), now);
    match next {
        Some(state) => logged.insert(key, state),
        None => logged.remove(&key),
    };
    drop(logged);
    match outcome {
        Err(error) if log => {
            tracing::warn!(event = "status.check_failed", check = name, error = %error, "status check {name} failed");
        }
        Ok(()) if log => {
            tracing::info!(
                event = "status.check_recovered",
                check = name,
                "status check {name} passes again"
            );
        }
        _ => {}
    }
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
        assert_eq!(body["checks"]["provider"], json!({"ok": false}));
    }

    #[tokio::test]
    async fn a_failing_check_shows_no_error_text_to_the_caller() {
        let secret = "https://internal.example/api?key=abc: 401 invalid key";
        let response = report("auth", vec![check("leaky", async { Err::<(), _>(secret) })]).await;
        let text = String::from_utf8_lossy(response.body().as_ref()).into_owned();
        assert!(!text.contains("internal.example"), "{text}");
        assert!(!text.contains("invalid key"), "{text}");
    }

    #[test]
    fn a_check_is_logged_when_it_starts_failing_then_quiet_until_relog_after_or_recovery() {
        let start = Instant::now();
        let (log, state) = due(None, true, start);
        assert!(log);
        let (log, state) = due(state, true, start + Duration::from_secs(1));
        assert!(!log, "a second failure within RELOG_AFTER is quiet");
        let (log, state) = due(state, true, start + RELOG_AFTER);
        assert!(log, "a failure lasting RELOG_AFTER is logged again");
        let (log, state) = due(state, false, start + RELOG_AFTER);
        assert!(log, "the recovery is logged");
        assert_eq!(due(state, false, start + RELOG_AFTER), (false, None));
    }

    #[tokio::test]
    async fn many_calls_to_a_failing_status_log_one_warning() {
        use tracing_subscriber::layer::SubscriberExt;
        let lines = std::sync::Arc::new(Mutex::new(Vec::<String>::new()));
        let seen = lines.clone();
        let subscriber = tracing_subscriber::registry()
            .with(tracing_subscriber::fmt::layer().with_writer(move || Line(seen.clone())));
        let _default = tracing::subscriber::set_default(subscriber);
        for _ in 0..5 {
            let failing = check("flooded", async { Err::<(), _>("connection refused") });
            assert_eq!(report("auth", vec![failing]).await.status(), 503);
        }
        let lines = lines.lock().unwrap();
        let warnings = lines
            .iter()
            .filter(|l| l.contains("status.check_failed"))
            .count();
        assert_eq!(warnings, 1, "{lines:?}");
    }

    struct Line(std::sync::Arc<Mutex<Vec<String>>>);

    impl std::io::Write for Line {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .unwrap()
                .push(String::from_utf8_lossy(buf).into_owned());
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn a_missing_table_fails_the_dynamodb_check() {
        let client = crate::testing::dynamo::client().await;
        assert!(dynamodb_table(&client, "no-such-table").await.is_err());
    }
}
