use super::*;
use crate::domain::line::LogLine;
use serde_json::json;

const NOW_MS: i64 = 1_795_774_542_000; // 2026-11-27T10:15:42Z

fn batch(events: serde_json::Value) -> Batch {
    serde_json::from_value(json!({ "events": events })).unwrap()
}

fn event() -> serde_json::Value {
    json!({"level": "error", "message": "TypeError: x is undefined", "url": "https://starjack.example/checkout", "user_agent": "Firefox/133", "time": "2026-11-27T10:15:40.500Z", "correlation_id": "corr-7"})
}

#[test]
fn a_valid_event_becomes_one_of_our_json_lines() {
    let events = batch(json!([event()])).validate(NOW_MS).unwrap();
    assert_eq!(events[0].time_ms, NOW_MS);
    assert_eq!(events[0].client_time_ms, NOW_MS - 1_500);
    let line = LogLine::parse(&events[0].to_line()).unwrap();
    assert_eq!(line.level, Level::Error);
    assert_eq!(line.kind, "frontend.error");
    assert_eq!(line.service.as_deref(), Some("frontend"));
    assert_eq!(line.correlation_id.as_deref(), Some("browser:corr-7"));
    assert_eq!(line.message, "TypeError: x is undefined");
}

#[test]
fn secrets_in_messages_and_urls_are_redacted_on_the_way_in() {
    let mut raw = event();
    raw["message"] = "failed with Bearer abcdefghijklmnop".into();
    raw["url"] = "https://starjack.example/reset?token=abc123".into();
    let events = batch(json!([raw])).validate(NOW_MS).unwrap();
    assert_eq!(events[0].message, "failed with Bearer [REDACTED]");
    assert_eq!(
        events[0].url.as_deref(),
        Some("https://starjack.example/reset?token=[REDACTED]")
    );
}

#[test]
fn each_problem_is_named_with_its_index_and_field() {
    let cases = [
        ("level", json!("fatal-ish")),
        ("message", json!("  ")),
        ("message", json!("x".repeat(4_097))),
        ("time", json!("yesterday")),
        ("time", json!("2026-11-25T10:00:00Z")),
        ("time", json!("2026-11-27T11:00:00Z")),
        ("correlation_id", json!("bad id\n")),
        ("correlation_id", json!("browser:corr-1")),
        ("correlation_id", json!("svc.corr-1")),
        ("correlation_id", json!("c".repeat(65))),
        ("url", json!("u".repeat(2_049))),
    ];
    for (field, value) in cases {
        let mut bad = event();
        bad[field] = value;
        let err = batch(json!([event(), bad])).validate(NOW_MS).unwrap_err();
        assert!(
            matches!(&err, Invalid::Field { index: 1, field: f, .. } if *f == field),
            "{field}: {err}"
        );
    }
}

#[test]
fn empty_and_oversized_batches_are_refused() {
    assert_eq!(batch(json!([])).validate(NOW_MS), Err(Invalid::BatchSize));
    let many: Vec<_> = (0..=MAX_EVENTS).map(|_| event()).collect();
    assert_eq!(batch(json!(many)).validate(NOW_MS), Err(Invalid::BatchSize));
}

#[test]
fn unknown_fields_are_refused() {
    let mut raw = event();
    raw["password"] = "x".into();
    assert!(serde_json::from_value::<Batch>(json!({"events": [raw]})).is_err());
}

#[test]
fn a_browser_cannot_plant_a_line_in_a_server_requests_trail() {
    let mut raw = event();
    raw["correlation_id"] = "6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11".into();
    raw["time"] = "2026-11-27T09:00:00Z".into();
    let events = batch(json!([raw])).validate(NOW_MS).unwrap();
    let written: serde_json::Value = serde_json::from_str(&events[0].to_line()).unwrap();
    assert_eq!(
        written["correlation_id"],
        "browser:6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11"
    );
    assert_eq!(written["timestamp"], "2026-11-27T10:15:42Z");
    assert_eq!(written["client_time"], "2026-11-27T09:00:00Z");
    assert_eq!(events[0].time_ms, NOW_MS);
    assert!(written.get("request_id").is_none());
}
