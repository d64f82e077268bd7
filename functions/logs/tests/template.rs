//! The template's alerting: every log group but log-alerts' own is subscribed with the one
//! pattern, which agrees with the policy, and every queue's failures end in an alarmed DLQ.

use logs::domain::policy::Policy;
use serde_yaml_ng::Value;

fn template() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../template.yaml");
    serde_yaml_ng::from_str(&std::fs::read_to_string(path).expect("test setup"))
        .expect("test setup")
}

/// The argument of an intrinsic function in short (`!Ref x`) or long (`{Ref: x}`) form.
fn intrinsic<'a>(value: &'a Value, name: &str) -> Option<&'a Value> {
    match value {
        Value::Tagged(tagged) if tagged.tag == name => Some(&tagged.value),
        Value::Mapping(map) if map.len() == 1 => map
            .get(name)
            .or_else(|| map.get(format!("Fn::{name}").as_str())),
        _ => None,
    }
}

/// The name `!Ref` names.
fn reference(value: &Value) -> Option<&str> {
    intrinsic(value, "Ref").and_then(Value::as_str)
}

/// The resource whose `attribute` `!GetAtt` names.
fn attribute_of(value: &Value, attribute: &str) -> Option<String> {
    let target = intrinsic(value, "GetAtt")?;
    let (resource, named) = match target {
        Value::String(dotted) => dotted.split_once('.')?,
        Value::Sequence(pair) if pair.len() == 2 => (pair[0].as_str()?, pair[1].as_str()?),
        _ => return None,
    };
    (named == attribute).then(|| resource.to_owned())
}

fn resources<'a>(template: &'a Value, kind: &str) -> Vec<(&'a str, &'a Value)> {
    let all = template["Resources"].as_mapping().expect("test setup");
    all.iter()
        .filter(|(_, resource)| resource["Type"] == kind)
        .map(|(id, resource)| (id.as_str().expect("test setup"), resource))
        .collect()
}

/// log-alerts' subscriptions: event name, subscribed group and pattern (parameters resolved).
fn subscriptions(template: &Value) -> Vec<(String, String, String)> {
    let events = &template["Resources"]["LogAlertsFunction"]["Properties"]["Events"];
    let events = events.as_mapping().expect("LogAlertsFunction has events");
    let resolve = |value: &Value| match reference(value) {
        Some(parameter) => template["Parameters"][parameter]["Default"].clone(),
        None => value.clone(),
    };
    events
        .iter()
        .filter(|(_, event)| event["Type"] == "CloudWatchLogs")
        .map(|(name, event)| {
            let properties = &event["Properties"];
            let group = reference(&properties["LogGroupName"]).unwrap_or_default();
            let pattern = resolve(&properties["FilterPattern"]);
            (
                name.as_str().expect("test setup").to_owned(),
                group.to_owned(),
                pattern.as_str().unwrap_or_default().to_owned(),
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
    for (name, _, pattern) in subscriptions {
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
fn every_log_group_but_log_alerts_own_is_subscribed_with_the_one_pattern_and_queried() {
    let template = template();
    let subscriptions = subscriptions(&template);
    let insights = text(
        &template["Resources"]["LogAlertsFunction"]["Properties"]["Environment"]["Variables"]["LOG_ALERTS_INSIGHTS_GROUPS"],
    );
    let groups = resources(&template, "AWS::Logs::LogGroup");
    assert!(groups.len() >= 6, "the template's log groups are found");
    for (group, _) in groups {
        let subscribed: Vec<_> = subscriptions.iter().filter(|s| s.1 == group).collect();
        if group == "LogAlertsLogGroup" {
            assert!(subscribed.is_empty(), "log-alerts is subscribed to itself");
            continue;
        }
        assert_eq!(subscribed.len(), 1, "{group} is subscribed once");
        let raw = &template["Resources"]["LogAlertsFunction"]["Properties"]["Events"]
            [subscribed[0].0.as_str()]["Properties"]["FilterPattern"];
        assert_eq!(
            reference(raw),
            Some("LogAlertsFilterPattern"),
            "{group}'s subscription uses the one pattern"
        );
        assert!(
            insights.contains(&format!("!Ref {group}\n")),
            "{group} is missing from LOG_ALERTS_INSIGHTS_GROUPS"
        );
    }
}

#[test]
fn every_function_keeps_its_logs_in_a_group_with_retention() {
    let template = template();
    let groups = resources(&template, "AWS::Logs::LogGroup");
    for (id, _) in resources(&template, "AWS::Serverless::Function") {
        let has_group = groups.iter().any(|(_, group)| {
            text(&group["Properties"]["LogGroupName"]).contains(&format!("/aws/lambda/${{{id}}}"))
                && group["Properties"]["RetentionInDays"].as_u64().is_some()
        });
        assert!(has_group, "{id} has no log group with retention");
    }
}

/// What breaks the rule that every queue redrives to a DLQ and every DLQ has a depth alarm.
fn queue_faults(template: &Value) -> Vec<String> {
    let mut dead_letter = Vec::new();
    for (_, queue) in resources(template, "AWS::SQS::Queue") {
        let target = &queue["Properties"]["RedrivePolicy"]["deadLetterTargetArn"];
        dead_letter.extend(attribute_of(target, "Arn"));
    }
    for (_, function) in resources(template, "AWS::Serverless::Function") {
        let properties = &function["Properties"];
        let failure = &properties["EventInvokeConfig"]["DestinationConfig"]["OnFailure"];
        dead_letter.extend(attribute_of(&failure["Destination"], "Arn"));
        dead_letter.extend(attribute_of(
            &properties["DeadLetterQueue"]["TargetArn"],
            "Arn",
        ));
    }
    let alarms = resources(template, "AWS::CloudWatch::Alarm");
    let mut faults = Vec::new();
    for (id, queue) in resources(template, "AWS::SQS::Queue") {
        if !dead_letter.iter().any(|dlq| dlq == id) {
            let redrive = &queue["Properties"]["RedrivePolicy"];
            if attribute_of(&redrive["deadLetterTargetArn"], "Arn").is_none()
                || redrive["maxReceiveCount"].as_u64().is_none()
            {
                faults.push(format!("{id} has no RedrivePolicy to a DLQ"));
            }
            continue;
        }
        let alarmed = alarms.iter().any(|(_, alarm)| {
            let properties = &alarm["Properties"];
            properties["Namespace"] == "AWS/SQS"
                && properties["MetricName"] == "ApproximateNumberOfMessagesVisible"
                && properties["Dimensions"]
                    .as_sequence()
                    .into_iter()
                    .flatten()
                    .any(|d| attribute_of(&d["Value"], "QueueName").as_deref() == Some(id))
        });
        if !alarmed {
            faults.push(format!("the DLQ {id} has no alarm on its depth"));
        }
    }
    faults
}

#[test]
fn every_queue_redrives_to_a_dead_letter_queue_and_every_dead_letter_queue_has_a_depth_alarm() {
    let template = template();
    assert!(
        !resources(&template, "AWS::SQS::Queue").is_empty(),
        "the template's queues are found"
    );
    assert_eq!(queue_faults(&template), Vec::<String>::new());
}

#[test]
fn a_queue_without_redrive_and_a_dead_letter_queue_without_alarm_are_both_found() {
    let template: Value = serde_yaml_ng::from_str(
        "Resources:
           Work: {Type: AWS::SQS::Queue}
           Jobs:
             Type: AWS::SQS::Queue
             Properties:
               RedrivePolicy: {deadLetterTargetArn: !GetAtt JobsDlq.Arn, maxReceiveCount: 5}
           JobsDlq: {Type: AWS::SQS::Queue}",
    )
    .unwrap();
    assert_eq!(
        queue_faults(&template),
        vec![
            "Work has no RedrivePolicy to a DLQ".to_owned(),
            "the DLQ JobsDlq has no alarm on its depth".to_owned(),
        ]
    );
}

#[test]
fn log_alerts_runs_capped_and_knows_the_front_end_group_and_its_channel() {
    let template = template();
    let function = &template["Resources"]["LogAlertsFunction"]["Properties"];
    // `!If [ReservesConcurrency, N, !Ref AWS::NoValue]`: N wherever the account can reserve.
    let reserved = intrinsic(&function["ReservedConcurrentExecutions"], "If")
        .and_then(|branches| branches.get(1))
        .and_then(Value::as_u64);
    assert!(
        reserved.is_some_and(|n| (1..=5).contains(&n)),
        "LogAlertsFunction needs a small ReservedConcurrentExecutions, has {reserved:?}"
    );
    let variables = &function["Environment"]["Variables"];
    assert_eq!(
        reference(&variables["FRONTEND_LOG_GROUP"]),
        Some("FrontendLogGroup")
    );
    let channel = reference(&variables["FRONTEND_ALERTS_CHANNEL"]).expect("a channel parameter");
    let default = template["Parameters"][channel]["Default"].as_str();
    assert!(
        default.is_some_and(|name| name.starts_with('#') && name.len() > 1),
        "{channel} needs a channel as default, has {default:?}"
    );
}
