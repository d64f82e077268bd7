use super::*;
use crate::domain::line::Level;

fn origin() -> Origin {
    Origin {
        log_group: "/aws/lambda/starjack-order-processor".to_owned(),
        log_stream: "2026/11/27/[$LATEST]abc".to_owned(),
    }
}

fn json(level: &str, event: &str, message: &str) -> String {
    serde_json::json!({"level": level, "event": event, "message": message, "correlation_id": "c-1"})
        .to_string()
}

fn plan_of(messages: &[String]) -> Plan {
    let ids: Vec<String> = (0..messages.len()).map(|i| format!("id-{i}")).collect();
    let entries = messages
        .iter()
        .zip(&ids)
        .enumerate()
        .map(|(i, (m, id))| Entry {
            id,
            timestamp_ms: 1_000 + i as i64,
            message: m,
        });
    plan(&Policy::built_in().unwrap(), "starjack", origin(), entries)
}

#[test]
fn every_event_is_accounted_for_exactly_once() {
    let plan = plan_of(&[
        json("ERROR", "booking.failed", "provider said no"),
        json("INFO", "order.received", "noise"),
        json("INFO", "order.completed", "order 7 completed"),
        json("DEBUG", "order.completed", "debug"),
        "START RequestId: 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11 Version: $LATEST".to_owned(),
        "Task timed out after 10.01 seconds".to_owned(),
    ]);
    let tally = plan.tally;
    assert_eq!(tally.received, 6);
    assert_eq!(tally.alerted, 3);
    assert_eq!(tally.filtered, 2);
    assert_eq!(tally.unreadable, 1);
    assert_eq!(plan.alerts.len(), 3);
}

#[test]
fn repeats_of_one_failure_fold_into_one_alert_with_a_count() {
    let plan = plan_of(&[
        json("ERROR", "booking.failed", "booking 1 refused"),
        json("ERROR", "booking.failed", "booking 2 refused"),
        json("ERROR", "payment.failed", "booking 3 refused"),
        json("ERROR", "booking.failed", "booking 4 refused"),
    ]);
    assert_eq!(plan.alerts.len(), 2);
    assert_eq!(plan.alerts[0].count, 3);
    assert_eq!(plan.alerts[0].first.event_id, "id-0");
    assert_eq!(plan.alerts[0].delivery_key(), "event#id-0");
    assert_eq!(plan.alerts[1].count, 1);
}

#[test]
fn the_service_and_function_come_from_the_log_group_when_the_line_has_none() {
    let plan = plan_of(&["Task timed out after 3.00 seconds".to_owned()]);
    let first = &plan.alerts[0].first;
    assert_eq!(first.service, "order");
    assert_eq!(first.function.as_deref(), Some("starjack-order-processor"));
    assert_eq!(plan.alerts[0].channel, "#alerts-platform");
    assert!(
        plan.alerts[0]
            .burst_key
            .starts_with("order|lambda.timeout|")
    );
}

#[test]
fn secrets_are_redacted_before_they_reach_an_alert() {
    let mut line = serde_json::json!({"level": "ERROR", "message": "login with password=hunter2, then failed", "cause": "Bearer abcdefghijkl rejected", "route": "GET /x?token=abc"});
    line["event"] = "request.failed".into();
    let plan = plan_of(&[line.to_string()]);
    let shown = &plan.alerts[0].first.line;
    assert_eq!(shown.message, "login with password=[REDACTED], then failed");
    assert_eq!(shown.cause.as_deref(), Some("Bearer [REDACTED] rejected"));
    assert_eq!(shown.route.as_deref(), Some("GET /x?token=[REDACTED]"));
}

#[test]
fn a_lines_fields_are_kept_for_the_message_and_redacted() {
    let line = serde_json::json!({"level": "WARN", "event": "status.check_failed", "target": "shared::status", "check": "skidata", "attempt": 2, "error": "refused: api_key=k-123 bad"});
    let plan = plan_of(&[line.to_string()]);
    let shown = &plan.alerts[0].first.line;
    assert_eq!(shown.message, "");
    assert_eq!(
        shown.fields,
        [
            ("attempt".to_owned(), "2".to_owned()),
            ("check".to_owned(), "skidata".to_owned()),
            ("error".to_owned(), "refused: api_key=[REDACTED]".to_owned()),
        ]
    );
}

#[test]
fn alerts_beyond_the_limit_go_to_one_overview_with_errors_kept_first() {
    let mut messages: Vec<String> = (0..25)
        .map(|i| {
            json(
                "WARN",
                &format!("warn.kind{}", char::from(b'a' + i as u8)),
                "slow",
            )
        })
        .collect();
    messages.push(json("ERROR", "request.failed", "boom"));
    let plan = plan_of(&messages);
    assert_eq!(plan.alerts.len(), 19);
    assert_eq!(plan.alerts[0].first.line.level, Level::Error);
    let overview = plan.overview.unwrap();
    assert_eq!(overview.alerts.len(), 7);
    assert_eq!(overview.events(), 7);
    assert_eq!(overview.channel, "#alerts");
    assert_eq!(plan.tally.alerted, 26);
}
