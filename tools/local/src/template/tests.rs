//! The real template as the local cloud reads it: compact entries and parameter defaults.

use super::{Event, Stack, load};
use std::collections::HashMap;
use std::path::PathBuf;

fn template() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../template.yaml")
}

/// The real template with a placeholder for every parameter without a default, and `extra`.
fn stack(extra: &[(&str, &str)]) -> Stack {
    let source = std::fs::read_to_string(template()).expect("template.yaml");
    let root: serde_yaml_ng::Value = serde_yaml_ng::from_str(&source).expect("YAML");
    let mut parameters: HashMap<String, String> = root["Parameters"]
        .as_mapping()
        .into_iter()
        .flatten()
        .filter(|(_, spec)| spec["Default"].is_null())
        .filter_map(|(name, _)| Some((name.as_str()?.to_owned(), "placeholder".to_owned())))
        .collect();
    parameters.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    load(
        &template(),
        "t",
        "eu-central-1",
        "http://127.0.0.1:1",
        &parameters,
    )
    .expect("loads")
}

fn subscriptions(stack: &Stack) -> Vec<(String, String)> {
    let log_alerts = stack.functions.iter().find(|f| f.binary == "log-alerts");
    let events = log_alerts.map(|f| f.events.clone()).unwrap_or_default();
    events
        .into_iter()
        .filter_map(|event| match event {
            Event::Logs {
                log_group,
                filter_pattern,
                ..
            } => Some((log_group, filter_pattern)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_subscription_gets_the_filter_pattern_parameters_default_unless_it_is_given() {
    let defaults = subscriptions(&stack(&[]));
    assert!(defaults.len() >= 6, "{defaults:?}");
    for (group, pattern) in &defaults {
        assert!(pattern.starts_with("?ERROR ?WARN"), "{group}: {pattern}");
    }
    let given = subscriptions(&stack(&[("LogAlertsFilterPattern", "?ERROR")]));
    assert_eq!(given.len(), defaults.len());
    assert!(given.iter().all(|(_, pattern)| pattern == "?ERROR"));
}

#[test]
fn one_line_routes_and_flow_style_tables_are_read_like_block_style_ones() {
    let stack = stack(&[]);
    let dta = stack.functions.iter().find(|f| f.binary == "dta-api");
    let routes = dta.map(|f| f.events.clone()).unwrap_or_default();
    assert!(routes.contains(&Event::Http {
        method: "DELETE".into(),
        path: "/dta/bookings/{externalOrderId}".into(),
    }));
    let table = stack.tables.iter().find(|t| t.name == "t-DtaTable");
    let key = table.map(|t| t.properties["KeySchema"][0]["AttributeName"].clone());
    assert_eq!(key, Some("pk".into()));
    let groups = &stack.log_groups;
    assert!(groups.iter().all(|group| group.retention_days == Some(30)));
}

#[test]
fn every_public_auth_route_is_throttled_at_the_stage_and_auth_has_reserved_concurrency() {
    let stack = stack(&[]);
    let auth = stack.functions.iter().find(|f| f.binary == "auth-api");
    let public = [
        "login",
        "signup",
        "refresh",
        "logout",
        "token",
        "admin/bootstrap",
    ];
    for route in public.map(|path| format!("POST /auth/{path}")) {
        assert!(
            auth.is_some_and(|f| f.events.iter().any(
                |e| matches!(e, Event::Http { method, path } if format!("{method} {path}") == route)
            )),
            "{route} is not a route of auth-api"
        );
        let limits = stack.throttling.routes.get(&route);
        assert!(
            limits.is_some_and(|l| l.burst <= 50 && l.rate <= 25.0),
            "{route}: {limits:?}"
        );
    }
    let source = std::fs::read_to_string(template()).expect("template.yaml");
    let root: serde_yaml_ng::Value = serde_yaml_ng::from_str(&source).expect("YAML");
    // `!If [ReservesConcurrency, N, !Ref AWS::NoValue]`: N wherever the account can reserve.
    let reserved =
        &root["Resources"]["AuthApiFunction"]["Properties"]["ReservedConcurrentExecutions"];
    let reserved = match reserved {
        serde_yaml_ng::Value::Tagged(tagged) if tagged.tag == "If" => tagged.value.get(1),
        _ => None,
    };
    assert!(
        reserved.and_then(|n| n.as_u64()).is_some_and(|n| n > 0),
        "{reserved:?}"
    );
}
