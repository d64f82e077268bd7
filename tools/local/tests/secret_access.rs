//! A function reads its secrets (`SECRET_IDS`) through `shared::secrets`, with
//! `secretsmanager:GetSecretValue` on each (and `BatchGetSecretValue`, which has no resource):
//! its policy names exactly the secrets its environment names, so it cannot read another
//! service's (Secrets Manager appends `-` and six characters to a secret's name in its ARN).

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

mod common;

use common::strings;
use serde_yaml_ng::Value;
use std::collections::BTreeSet;

/// The texts of `!Sub` values, alone or in a list.
fn subs(value: &Value) -> Vec<String> {
    match value {
        Value::Tagged(tagged) if tagged.tag == "Sub" => strings(&tagged.value),
        Value::Sequence(many) => many.iter().flat_map(subs).collect(),
        _ => Vec::new(),
    }
}

/// The secret names in `!Sub ...${AWS::StackName}/<name>...` texts (SECRET_IDS or ARNs).
fn secret_names(value: &Value) -> BTreeSet<String> {
    subs(value)
        .iter()
        .flat_map(|text| text.split("${AWS::StackName}/").skip(1))
        .map(|rest| {
            rest.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .next()
                .unwrap_or_default()
                .trim_end_matches('-')
                .to_owned()
        })
        .collect()
}

#[test]
fn every_function_may_read_the_secrets_it_names_and_no_others() {
    let root = common::workspace();
    let text = std::fs::read_to_string(root.join("template.yaml")).expect("template.yaml");
    let template: Value = serde_yaml_ng::from_str(&text).expect("template.yaml is YAML");
    let mut with_secrets = 0;
    for (id, resource) in template["Resources"].as_mapping().unwrap() {
        if resource["Type"].as_str() != Some("AWS::Serverless::Function") {
            continue;
        }
        let named = secret_names(&resource["Properties"]["Environment"]["Variables"]["SECRET_IDS"]);
        let mut readable = BTreeSet::new();
        for policy in resource["Properties"]["Policies"]
            .as_sequence()
            .into_iter()
            .flatten()
        {
            for statement in policy["Statement"].as_sequence().into_iter().flatten() {
                let actions = strings(&statement["Action"]);
                if actions.iter().any(|a| a == "secretsmanager:GetSecretValue") {
                    readable.extend(secret_names(&statement["Resource"]));
                }
                assert!(
                    actions
                        .iter()
                        .all(|a| !a.starts_with("secretsmanager:") || a.ends_with("SecretValue")),
                    "{id:?} may only read secrets: {actions:?}"
                );
            }
        }
        assert_eq!(
            readable, named,
            "{id:?} may read exactly the secrets it names"
        );
        with_secrets += usize::from(!named.is_empty());
    }
    assert!(with_secrets >= 10, "the functions' secrets are found");
}
