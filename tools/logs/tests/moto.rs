//! starjack-logs against moto's CloudWatch Logs: groups of a fresh stack, events put into them,
//! then searched and followed as the command does.

use aws_sdk_cloudwatchlogs::Client;
use aws_sdk_cloudwatchlogs::types::InputLogEvent;
use serde_json::{Value, json};
use starjack_logs::fetch::{self, Follower, Query};
use starjack_logs::filter::Filter;

const T0: i64 = 1_795_774_542_000;

struct Stack {
    client: Client,
    name: String,
}

fn line(level: &str, service: &str, correlation: &str, message: &str) -> String {
    json!({"level": level, "service": service, "event": "e", "correlation_id": correlation, "message": message}).to_string()
}

impl Stack {
    async fn new() -> Self {
        assert!(
            std::env::var("AWS_ENDPOINT_URL").is_ok(),
            "run through scripts/test, which starts moto"
        );
        let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
        let name = format!("sj{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
        Self {
            client: Client::new(&config),
            name,
        }
    }

    fn group(&self, suffix: &str) -> String {
        match suffix {
            "frontend" => format!("/{}/frontend", self.name),
            function => format!("/aws/lambda/{}-{function}", self.name),
        }
    }

    async fn put(&self, suffix: &str, events: &[(i64, String)]) {
        let group = self.group(suffix);
        let _ = self
            .client
            .create_log_group()
            .log_group_name(&group)
            .send()
            .await;
        let stream = format!("s-{}", uuid::Uuid::new_v4().simple());
        self.client
            .create_log_stream()
            .log_group_name(&group)
            .log_stream_name(&stream)
            .send()
            .await
            .expect("test setup");
        let events = events
            .iter()
            .map(|(at, message)| {
                InputLogEvent::builder()
                    .timestamp(*at)
                    .message(message)
                    .build()
                    .expect("test setup")
            })
            .collect();
        self.client
            .put_log_events()
            .log_group_name(&group)
            .log_stream_name(&stream)
            .set_log_events(Some(events))
            .send()
            .await
            .expect("putting events on moto");
    }

    async fn query(&self, services: &[&str], filter: Filter) -> Query {
        let services: Vec<String> = services.iter().map(|s| s.to_string()).collect();
        Query {
            stack: self.name.clone(),
            groups: fetch::discover(&self.client, &self.name, &services)
                .await
                .expect("finding the groups"),
            filter,
            start_ms: T0 - 60_000,
            end_ms: None,
            limit: 10_000,
        }
    }

    async fn seed(&self) {
        self.put(
            "auth-api",
            &[
                (T0 + 1, line("INFO", "auth", "corr-a", "login")),
                (T0 + 30, line("ERROR", "auth", "corr-b", "token refused")),
            ],
        )
        .await;
        self.put(
            "order-api",
            &[
                (T0 + 10, line("INFO", "order", "corr-a", "order received")),
                (
                    T0 + 20,
                    "START RequestId: 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11 Version: $LATEST"
                        .to_owned(),
                ),
            ],
        )
        .await;
        self.put(
            "frontend",
            &[(T0 + 5, line("ERROR", "frontend", "corr-a", "TypeError"))],
        )
        .await;
        self.put(
            "mail-sender",
            &[(T0 + 15, line("WARN", "mail", "corr-c", "slow mailgun"))],
        )
        .await;
    }
}

fn messages(records: &[starjack_logs::record::Record]) -> Vec<String> {
    records
        .iter()
        .map(|r| {
            r.json.as_ref().map_or(r.message.clone(), |j| {
                j["message"].as_str().unwrap_or_default().to_owned()
            })
        })
        .collect()
}

#[tokio::test]
async fn all_groups_of_the_stack_are_found_and_merged_in_time_order() {
    let stack = Stack::new().await;
    stack.seed().await;
    let query = stack.query(&[], Filter::default()).await;
    assert_eq!(query.groups.len(), 4, "{:?}", query.groups);
    let records = fetch::search(&stack.client, &query).await.unwrap();
    assert_eq!(
        messages(&records),
        [
            "login",
            "TypeError",
            "order received",
            "slow mailgun",
            "START RequestId: 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11 Version: $LATEST",
            "token refused"
        ]
    );
}

#[tokio::test]
async fn a_correlation_id_pivots_on_one_request_across_services() {
    let stack = Stack::new().await;
    stack.seed().await;
    let filter = Filter {
        correlation: Some("corr-a".into()),
        ..Filter::default()
    };
    let records = fetch::search(&stack.client, &stack.query(&[], filter).await)
        .await
        .unwrap();
    assert_eq!(messages(&records), ["login", "TypeError", "order received"]);
    let services: Vec<&str> = records.iter().map(|r| r.service.as_str()).collect();
    assert_eq!(services, ["auth", "frontend", "order"]);
}

#[tokio::test]
async fn services_and_levels_narrow_the_search() {
    let stack = Stack::new().await;
    stack.seed().await;
    let errors = Filter {
        min_level: Some(logs::domain::line::Level::Warn),
        ..Filter::default()
    };
    let records = fetch::search(&stack.client, &stack.query(&["auth", "mail"], errors).await)
        .await
        .unwrap();
    assert_eq!(messages(&records), ["slow mailgun", "token refused"]);
}

#[tokio::test]
async fn following_prints_each_event_once_as_it_arrives() {
    let stack = Stack::new().await;
    stack.seed().await;
    let query = stack.query(&[], Filter::default()).await;
    let mut follower = Follower::default();
    assert_eq!(follower.poll(&stack.client, &query).await.unwrap().len(), 6);
    assert!(
        follower
            .poll(&stack.client, &query)
            .await
            .unwrap()
            .is_empty()
    );
    stack
        .put(
            "auth-api",
            &[(T0 + 40, line("INFO", "auth", "corr-d", "logout"))],
        )
        .await;
    assert_eq!(
        messages(&follower.poll(&stack.client, &query).await.unwrap()),
        ["logout"]
    );
}

#[tokio::test]
async fn the_command_prints_one_json_object_per_matching_event() {
    let stack = Stack::new().await;
    stack.seed().await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_starjack-logs"))
        .args([
            "--stack",
            &stack.name,
            "--since",
            "2026-11-27T10:00:00Z",
            "--correlation",
            "corr-a",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let services: Vec<&str> = lines
        .iter()
        .map(|l| l["service"].as_str().unwrap())
        .collect();
    assert_eq!(services, ["auth", "frontend", "order"]);
}
