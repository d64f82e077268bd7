//! IAM is not enforced locally (moto allows every call), so a function missing a permission
//! would work here and fail on AWS ("AccessDeniedException ... is not authorized to perform").
//! This test holds the template to the code instead: it derives the SDK operations each
//! function's binary can call (its own file, the adapters it names, and the `shared` modules
//! those name) and requires each one's IAM action in the function's `Policies` — inline
//! statements or SAM policy templates (AWS SAM Developer Guide, "AWS SAM policy templates";
//! IAM actions per operation: Service Authorization Reference, "Actions, resources, and
//! condition keys" for DynamoDB, SQS, CloudWatch Logs and Secrets Manager). A function whose
//! environment names secrets (`SECRET_IDS`) reads them through `shared::secrets` at start-up.
//! Resources are not compared (the secrets' are: `secret_access.rs`).

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

#[path = "iam/calls.rs"]
mod calls;
mod common;

use calls::{needed, read, sources};
use common::strings;
use serde_yaml_ng::Value;

/// The actions of the SAM policy templates the template may use.
const SAM_TEMPLATES: &[(&str, &[&str])] = &[
    (
        "DynamoDBCrudPolicy",
        &[
            "dynamodb:GetItem",
            "dynamodb:DeleteItem",
            "dynamodb:PutItem",
            "dynamodb:Scan",
            "dynamodb:Query",
            "dynamodb:UpdateItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:BatchGetItem",
            "dynamodb:DescribeTable",
            "dynamodb:ConditionCheckItem",
        ],
    ),
    (
        "DynamoDBReadPolicy",
        &[
            "dynamodb:GetItem",
            "dynamodb:Scan",
            "dynamodb:Query",
            "dynamodb:BatchGetItem",
            "dynamodb:DescribeTable",
        ],
    ),
    (
        "DynamoDBWritePolicy",
        &[
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:BatchWriteItem",
        ],
    ),
    (
        "SQSSendMessagePolicy",
        &["sqs:SendMessage*", "sqs:ChangeMessageVisibility"],
    ),
    (
        "SQSPollerPolicy",
        &[
            "sqs:ChangeMessageVisibility",
            "sqs:ChangeMessageVisibilityBatch",
            "sqs:DeleteMessage",
            "sqs:DeleteMessageBatch",
            "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage",
        ],
    ),
];

/// The actions `Policies` allow; an unknown SAM policy template fails the test.
fn allowed(policies: &Value) -> Vec<String> {
    let mut actions = Vec::new();
    for policy in policies.as_sequence().into_iter().flatten() {
        let Some(policy) = policy.as_mapping() else {
            continue; // A managed policy by name: not ours to check.
        };
        if let Some(statements) = policy.get("Statement") {
            for statement in statements.as_sequence().into_iter().flatten() {
                if statement["Effect"].as_str() == Some("Allow") {
                    actions.extend(strings(&statement["Action"]));
                }
            }
            continue;
        }
        for name in policy.keys().filter_map(Value::as_str) {
            let (_, granted) = SAM_TEMPLATES
                .iter()
                .find(|(known, _)| *known == name)
                .unwrap_or_else(|| panic!("add the SAM policy template {name} to this test"));
            actions.extend(granted.iter().map(|a| (*a).to_owned()));
        }
    }
    actions
}

fn grants(allowed: &[String], action: &str) -> bool {
    allowed
        .iter()
        .any(|granted| match granted.strip_suffix('*') {
            Some(prefix) => action.starts_with(prefix),
            None => granted == action,
        })
}

#[test]
fn every_sdk_call_of_every_function_is_allowed_by_its_policies_in_the_template() {
    let root = common::workspace();
    let template: Value =
        serde_yaml_ng::from_str(&read(&root.join("template.yaml"))).expect("template.yaml");
    let mut missing = Vec::new();
    let mut checked = 0;
    for (id, resource) in template["Resources"].as_mapping().unwrap() {
        if resource["Type"].as_str() != Some("AWS::Serverless::Function") {
            continue;
        }
        let id = id.as_str().unwrap_or_default();
        let code = resource["Properties"]["CodeUri"].as_str().unwrap();
        let binary = resource["Metadata"]["BuildProperties"]["Binary"]
            .as_str()
            .unwrap();
        let allowed = allowed(&resource["Properties"]["Policies"]);
        let mut files = sources(&root.join(code), binary);
        if !resource["Properties"]["Environment"]["Variables"]["SECRET_IDS"].is_null() {
            files.push(read(&root.join("shared/src/secrets/mod.rs")));
        }
        for action in needed(&files) {
            if !grants(&allowed, action) {
                missing.push(format!("{id} ({binary}) calls {action}"));
            }
        }
        checked += 1;
    }
    assert!(checked >= 5, "the template's functions are found");
    assert!(missing.is_empty(), "missing from Policies: {missing:#?}");
}

#[test]
fn the_derivation_finds_the_calls_of_a_known_adapter() {
    let root = common::workspace();
    let actions = needed(&sources(&root.join("functions/auth"), "auth-api"));
    for action in [
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DescribeTable",
    ] {
        assert!(actions.contains(action), "{action} in {actions:?}");
    }
}

#[test]
fn a_table_store_needs_only_the_table_calls_it_makes() {
    let root = common::workspace();
    let actions = needed(&sources(
        &root.join("functions/liftoperator"),
        "liftoperator-api",
    ));
    for action in ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Scan"] {
        assert!(actions.contains(action), "{action} in {actions:?}");
    }
    assert!(!actions.contains("dynamodb:DeleteItem"), "{actions:?}");
    let actions = needed(&sources(&root.join("functions/axess"), "axess-api"));
    assert!(actions.contains("dynamodb:DeleteItem"), "{actions:?}");
    assert!(!actions.contains("dynamodb:Scan"), "{actions:?}");
}

#[test]
fn the_order_processor_needs_the_mail_queue_its_builder_adds_and_the_api_does_not() {
    let order = common::workspace().join("functions/order");
    let api = needed(&sources(&order, "order-api"));
    let processor = needed(&sources(&order, "order-processor"));
    assert!(!api.contains("sqs:SendMessage"), "{api:?}");
    assert!(processor.contains("sqs:SendMessage"), "{processor:?}");
    assert!(processor.contains("s3:PutObject"), "{processor:?}");
}
