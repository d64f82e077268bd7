//! A fresh log-alerts function per test: its ledger on a table in moto made from the
//! template, Slack stubbed by wiremock, and a clock the test moves.
#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use flate2::Compression;
use flate2::write::GzEncoder;
use logs::adapters::{DynamoLedger, SlackClient};
use logs::domain::cap::FrontendCap;
use logs::domain::links::Console;
use logs::domain::policy::Policy;
use logs::error::{LogsError, LogsFailure};
use logs::handler::alerts::{Alerts, Summary};
use logs::payload::{Compressed, DEFAULT_MAX_DECOMPRESSED, Envelope};
use serde_json::{Value, json};
use shared::outbound::{Outbound, OutboundConfig};
use shared::table::Table;
use shared::testing::stubs::requests;
use shared::testing::{dynamo, events};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const TOKEN: &str = "xoxb-test-token";
pub const AUTH_GROUP: &str = "/aws/lambda/starjack-auth-api";
pub const STREAM: &str = "2026/11/27/[$LATEST]abc";
pub const FRONTEND_GROUP: &str = "/starjack/frontend";
pub const FRONTEND_CHANNEL: &str = "#browser-alerts";
pub const FRONTEND_POSTS: u64 = 3;
pub const FRONTEND_WINDOW: Duration = Duration::from_secs(600);
pub const NOW_MS: i64 = 1_795_774_542_000;

pub struct Harness {
    pub alerts: Alerts<DynamoLedger, SlackClient>,
    pub slack: MockServer,
    pub now_ms: Arc<AtomicI64>,
}

impl Harness {
    pub async fn start() -> Self {
        let slack = MockServer::start().await;
        let (client, table) = dynamo::table_from_template("LogAlertsTable").await;
        let now_ms = Arc::new(AtomicI64::new(NOW_MS));
        let clock_source = now_ms.clone();
        let outbound = Outbound::new(OutboundConfig {
            timeout: Duration::from_secs(2),
            max_attempts: 1,
            ..OutboundConfig::default()
        })
        .expect("client");
        Self {
            alerts: Alerts {
                ledger: DynamoLedger::new(Table::new(client, table)),
                notifier: SlackClient::new(outbound, &format!("{}/slack", slack.uri()), TOKEN),
                policy: Policy::built_in().expect("policy"),
                console: Console::new("eu-central-1", vec![AUTH_GROUP.to_owned()]),
                stack: "starjack".to_owned(),
                max_decompressed: DEFAULT_MAX_DECOMPRESSED,
                own_log_group: Some("/aws/lambda/starjack-log-alerts".to_owned()),
                frontend: FrontendCap {
                    log_group: FRONTEND_GROUP.to_owned(),
                    channel: FRONTEND_CHANNEL.to_owned(),
                    max_posts: FRONTEND_POSTS,
                    window: FRONTEND_WINDOW,
                },
                clock: Arc::new(move || clock_source.load(Ordering::SeqCst)),
            },
            slack,
            now_ms,
        }
    }

    /// Slack answers every post with `ok`.
    pub async fn slack_ok(&self) {
        Mock::given(method("POST"))
            .and(path("/slack/api/chat.postMessage"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"ok": true, "ts": "1795774542.000100"})),
            )
            .mount(&self.slack)
            .await;
    }

    /// Slack answers the next post with a 429 asking to wait `retry_after_s`.
    pub async fn slack_limits_once(&self, retry_after_s: u64) {
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(429).insert_header("retry-after", retry_after_s.to_string()),
            )
            .up_to_n_times(1)
            .mount(&self.slack)
            .await;
    }

    pub fn advance(&self, by: Duration) {
        self.now_ms
            .fetch_add(by.as_millis() as i64, Ordering::SeqCst);
    }

    pub async fn invoke(&self, envelope: &Envelope) -> Result<Summary, LogsFailure> {
        self.invoke_within(envelope, Duration::from_secs(20)).await
    }

    pub async fn invoke_within(
        &self,
        envelope: &Envelope,
        left: Duration,
    ) -> Result<Summary, LogsFailure> {
        self.alerts.handle(envelope, Instant::now() + left).await
    }

    /// The JSON bodies Slack received, in order.
    pub async fn posts(&self) -> Vec<Value> {
        requests(&self.slack)
            .await
            .iter()
            .map(|request| serde_json::from_slice(&request.body).expect("posts are JSON"))
            .collect()
    }
}

/// The subscription payload at `events/logs/<name>.json`.
pub fn event(name: &str) -> Envelope {
    serde_json::from_value(events::load(&format!("logs/{name}.json")))
        .expect("a subscription event")
}

/// A subscription payload from `group` holding `lines`, with event ids `<prefix>-<n>`.
pub fn payload(group: &str, id_prefix: &str, lines: &[String]) -> Envelope {
    let events: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, message)| json!({"id": format!("{id_prefix}-{i}"), "timestamp": NOW_MS + i as i64, "message": message}))
        .collect();
    let data = json!({"messageType": "DATA_MESSAGE", "owner": "123456789012", "logGroup": group, "logStream": STREAM, "subscriptionFilters": ["f"], "logEvents": events});
    let mut gzip = GzEncoder::new(Vec::new(), Compression::default());
    gzip.write_all(data.to_string().as_bytes()).expect("gzip");
    Envelope {
        awslogs: Compressed {
            data: STANDARD.encode(gzip.finish().expect("gzip")),
        },
    }
}

/// `ERROR request.failed` lines from auth, one per word, each a different failure.
pub fn server_errors(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .map(|word| {
            line(
                "ERROR",
                "auth",
                "request.failed",
                &format!("storage broke at {word}"),
            )
        })
        .collect()
}

/// One of our JSON lines.
pub fn line(level: &str, service: &str, event: &str, message: &str) -> String {
    json!({"timestamp": "2026-11-27T10:15:42.000000Z", "level": level, "service": service, "function": format!("starjack-{service}-api"), "request_id": "r-1", "correlation_id": "corr-1", "event": event, "message": message}).to_string()
}

/// Asserts that an invocation failed with `failed` of `total` alerts undelivered.
pub fn assert_undelivered(err: &LogsFailure, failed: usize, total: usize) {
    let undelivered = matches!(
        err,
        shared::http::Failure::Own(LogsError::Undelivered { failed: f, total: t })
            if *f == failed && *t == total
    );
    assert!(undelivered, "{failed} of {total} undelivered, not {err}");
}
