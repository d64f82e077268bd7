use super::*;

const AUTH_ERROR: &str = r#"{"timestamp":"2026-11-27T10:00:00.123456Z","level":"ERROR","target":"auth::handler","service":"auth","function":"starjack-auth-api","requestId":"6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11","request_id":"6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11","correlation_id":"corr-1","route":"POST /auth/login","event":"request.failed","message":"internal error","cause":"storage failed: timeout"}"#;

#[test]
fn a_json_line_yields_its_level_event_ids_and_message() {
    let line = LogLine::parse(AUTH_ERROR).unwrap();
    assert_eq!(line.level, Level::Error);
    assert_eq!(line.kind, "request.failed");
    assert_eq!(line.service.as_deref(), Some("auth"));
    assert_eq!(line.function.as_deref(), Some("starjack-auth-api"));
    assert_eq!(line.message, "internal error");
    assert_eq!(
        line.request_id.as_deref(),
        Some("6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11")
    );
    assert_eq!(line.correlation_id.as_deref(), Some("corr-1"));
    assert_eq!(line.route.as_deref(), Some("POST /auth/login"));
    assert_eq!(line.cause.as_deref(), Some("storage failed: timeout"));
}

#[test]
fn the_lambda_request_id_stands_in_when_the_span_has_none() {
    let line = LogLine::parse(r#"{"level":"WARN","requestId":"r-9","message":"slow"}"#).unwrap();
    assert_eq!(line.request_id.as_deref(), Some("r-9"));
    assert_eq!(line.kind, UNNAMED_EVENT);
    assert_eq!(line.level, Level::Warn);
}

#[test]
fn platform_failures_become_errors_of_their_own_kind() {
    let cases = [
        (
            "2026-11-27T10:00:10.123Z 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11 Task timed out after 10.01 seconds",
            platform::TIMEOUT,
        ),
        (
            "thread 'main' panicked at functions/auth/src/handler/mod.rs:42:9:\ncalled `Option::unwrap()` on a `None` value",
            platform::PANIC,
        ),
        (
            "RequestId: 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11 Error: Runtime exited with error: exit status 101\nRuntime.ExitError",
            platform::RUNTIME_EXITED,
        ),
        (
            "RequestId: 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11 Error: Runtime exited with error: signal: killed\nRuntime.ExitError",
            platform::OUT_OF_MEMORY,
        ),
        (
            "memory allocation of 1073741824 bytes failed",
            platform::OUT_OF_MEMORY,
        ),
    ];
    for (text, kind) in cases {
        let line = LogLine::parse(text).unwrap_or_else(|| panic!("{text} is understood"));
        assert_eq!(line.level, Level::Error, "{text}");
        assert_eq!(line.kind, kind, "{text}");
    }
}

#[test]
fn the_platform_request_id_is_taken_from_the_line() {
    let line = LogLine::parse(
        "2026-11-27T10:00:10.123Z 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11 Task timed out after 3.00 seconds",
    )
    .unwrap();
    assert_eq!(
        line.request_id.as_deref(),
        Some("6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11")
    );
}

#[test]
fn lifecycle_lines_and_plain_text_without_a_level_say_nothing() {
    for text in [
        "START RequestId: 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11 Version: $LATEST",
        "END RequestId: 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11",
        "REPORT RequestId: 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11\tDuration: 46.84 ms",
        "listening on port 9000",
        "   ",
        r#"{"not":"ours"}"#,
    ] {
        assert_eq!(LogLine::parse(text), None, "{text}");
    }
}

#[test]
fn plain_text_naming_a_level_is_kept_as_unstructured() {
    let line = LogLine::parse("ERROR hyper: connection reset").unwrap();
    assert_eq!(
        (line.level, line.kind.as_str()),
        (Level::Error, platform::UNSTRUCTURED)
    );
    let line = LogLine::parse("[WARN] pool exhausted").unwrap();
    assert_eq!(line.level, Level::Warn);
}

#[test]
fn broken_json_is_read_as_plain_text() {
    let line = LogLine::parse(r#"{"level":"ERROR","message":"cut off"#).unwrap();
    assert_eq!(line.kind, platform::UNSTRUCTURED);
}

#[test]
fn levels_parse_in_any_case_and_order_by_severity() {
    assert_eq!(Level::parse("warning"), Some(Level::Warn));
    assert_eq!(Level::parse("Error"), Some(Level::Error));
    assert_eq!(Level::parse("loud"), None);
    assert!(Level::Error > Level::Warn && Level::Warn > Level::Info);
}
