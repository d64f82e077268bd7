use super::*;

fn line(level: Level, kind: &str) -> LogLine {
    LogLine {
        level,
        kind: kind.to_owned(),
        service: None,
        function: None,
        message: "m".to_owned(),
        request_id: None,
        correlation_id: None,
        route: None,
        cause: None,
        fields: Vec::new(),
    }
}

#[test]
fn the_built_in_policy_is_valid() {
    let policy = Policy::built_in().unwrap();
    assert_eq!(
        policy.info_allow_list(),
        ["keycard.produced", "order.completed", "payment.refunded"]
    );
    assert_eq!(policy.burst_window, Duration::from_secs(300));
}

#[test]
fn errors_and_warnings_always_pass() {
    let policy = Policy::built_in().unwrap();
    assert!(policy.passes(&line(Level::Error, "anything")));
    assert!(policy.passes(&line(Level::Warn, "log")));
}

#[test]
fn info_passes_only_for_allow_listed_events() {
    let policy = Policy::built_in().unwrap();
    assert!(policy.passes(&line(Level::Info, "order.completed")));
    assert!(!policy.passes(&line(Level::Info, "user.signed_up")));
    assert!(!policy.passes(&line(Level::Debug, "order.completed")));
}

#[test]
fn channels_are_chosen_by_severity_kind_and_service() {
    let policy = Policy::built_in().unwrap();
    let error = line(Level::Error, "request.failed");
    assert_eq!(policy.channel(&error, "auth"), "#alerts-errors");
    assert_eq!(policy.channel(&error, "payment"), "#alerts-payments");
    assert_eq!(policy.channel(&error, "frontend"), "#alerts-frontend");
    assert_eq!(
        policy.channel(&line(Level::Error, "lambda.timeout"), "payment"),
        "#alerts-platform"
    );
    assert_eq!(
        policy.channel(&line(Level::Warn, "outbound.retry"), "auth"),
        "#alerts-warnings"
    );
    assert_eq!(
        policy.channel(&line(Level::Info, "order.completed"), "order"),
        "#sales"
    );
    assert_eq!(
        policy.channel(&line(Level::Info, "keycard.produced"), "keycards"),
        "#events"
    );
}

#[test]
fn a_line_no_route_matches_goes_to_the_default_channel() {
    let yaml = "version: 1\ninfo_allow_list: []\nburst_window_seconds: 60\nmax_messages_per_batch: 5\ndefault_channel: '#fallback'\nroutes:\n  - {services: [maps], channel: '#maps'}\n";
    let policy = Policy::parse(yaml).unwrap();
    assert_eq!(
        policy.channel(&line(Level::Error, "x"), "auth"),
        "#fallback"
    );
    assert_eq!(policy.channel(&line(Level::Error, "x"), "maps"), "#maps");
}

#[test]
fn an_unknown_version_level_or_key_is_refused() {
    let base = "info_allow_list: []\nburst_window_seconds: 60\nmax_messages_per_batch: 5\ndefault_channel: '#a'\n";
    assert!(matches!(
        Policy::parse(&format!("version: 2\n{base}routes: []")),
        Err(PolicyError::Version(2))
    ));
    assert!(matches!(
        Policy::parse(&format!(
            "version: 1\n{base}routes: [{{levels: [LOUD], channel: '#b'}}]"
        )),
        Err(PolicyError::Level(_))
    ));
    assert!(matches!(
        Policy::parse(&format!("version: 1\n{base}routes: []\nchanels: []")),
        Err(PolicyError::Malformed(_))
    ));
}
