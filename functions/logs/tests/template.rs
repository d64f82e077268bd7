//! The subscriptions in template.yaml agree with the policy and never include log-alerts'
//! own log group.

use logs::domain::policy::Policy;
use serde_yaml_ng::Value;

fn template() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../template.yaml");
    serde_yaml_ng::from_str(&std::fs::read_to_string(path).expect("test setup"))
        .expect("test setup")
}

fn subscriptions(template: &Value) -> Vec<(String, Value)> {
    let events = &template["Resources"]["LogAlertsFunction"]["Properties"]["Events"];
    events
        .as_mapping()
        .expect("LogAlertsFunction has events")
        .iter()
        .filter(|(_, event)| event["Type"] == "CloudWatchLogs")
        .map(|(name, event)| {
            (
                name.as_str().expect("test setup").to_owned(),
                event["Properties"].clone(),
            )
        })
        .collect()
}

fn text(value: &Value) -> String {
    serde_yaml_ng::to_string(value).expect("test setup")
}

#[test]
fn every_subscription_passes_what_the_policy_lets_through() {
    let policy = Policy::built_in().unwrap();
    let template = template();
    let subscriptions = subscriptions(&template);
    assert!(subscriptions.len() >= 2);
    for (name, properties) in subscriptions {
        let pattern = properties["FilterPattern"].as_str().unwrap().to_owned();
        assert!(
            !pattern.trim_start().starts_with('{'),
            "{name}: a JSON pattern misses platform lines"
        );
        let mut terms = vec![
            "?ERROR".to_owned(),
            "?WARN".to_owned(),
            "?\"Task timed out\"".to_owned(),
            "?\"panicked at\"".to_owned(),
            "?\"Runtime exited\"".to_owned(),
        ];
        terms.extend(
            policy
                .info_allow_list()
                .iter()
                .map(|event| format!("?\"{event}\"")),
        );
        for term in terms {
            assert!(
                pattern.contains(&term),
                "{name}: {term} missing from {pattern}"
            );
        }
    }
}

#[test]
fn log_alerts_own_group_is_never_subscribed_and_every_function_keeps_logs_for_a_while() {
    let template = template();
    for (name, properties) in subscriptions(&template) {
        assert!(
            !text(&properties["LogGroupName"]).contains("LogAlertsLogGroup"),
            "{name} subscribes log-alerts to itself"
        );
    }
    let resources = template["Resources"].as_mapping().unwrap();
    for (id, resource) in resources {
        if resource["Type"] != "AWS::Serverless::Function" {
            continue;
        }
        let id = id.as_str().unwrap();
        let has_group = resources.values().any(|other| {
            other["Type"] == "AWS::Logs::LogGroup"
                && text(&other["Properties"]["LogGroupName"]).contains(&format!("${{{id}}}"))
                && other["Properties"]["RetentionInDays"].as_u64().is_some()
        });
        assert!(has_group, "{id} has no log group with retention");
    }
}
