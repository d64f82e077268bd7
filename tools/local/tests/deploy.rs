//! The template as a fresh AWS account receives it: no parameter holds a secret or lacks a
//! default (one pass, `sam deploy` with samconfig.toml), no function refers to the HTTP API
//! (which refers to every function: a circular dependency CloudFormation refuses), secrets
//! live in Secrets Manager rather than in environments (which `lambda:GetFunctionConfiguration`
//! shows, and which Lambda caps at 4 KB), and every alarm reaches the alarm topic.

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

mod common;

use serde_yaml_ng::Value;
use std::collections::BTreeSet;

fn template() -> Value {
    let text =
        std::fs::read_to_string(common::workspace().join("template.yaml")).expect("template.yaml");
    serde_yaml_ng::from_str(&text).expect("template.yaml is YAML")
}

fn functions(template: &Value) -> Vec<(String, &Value)> {
    template["Resources"]
        .as_mapping()
        .unwrap()
        .iter()
        .filter(|(_, resource)| resource["Type"] == "AWS::Serverless::Function")
        .map(|(id, resource)| (id.as_str().unwrap().to_owned(), resource))
        .collect()
}

/// The variables of a function's environment, its own over `Globals`.
fn environment<'a>(template: &'a Value, function: &'a Value) -> Vec<(&'a str, &'a Value)> {
    let globals = &template["Globals"]["Function"]["Environment"]["Variables"];
    let own = &function["Properties"]["Environment"]["Variables"];
    let mut variables: Vec<(&str, &Value)> = Vec::new();
    for (name, value) in [globals, own]
        .into_iter()
        .flat_map(|map| map.as_mapping().into_iter().flatten())
    {
        let name = name.as_str().unwrap();
        variables.retain(|(known, _)| *known != name);
        variables.push((name, value));
    }
    variables
}

#[test]
fn every_parameter_has_a_default_and_none_holds_a_secret() {
    let template = template();
    for (name, spec) in template["Parameters"].as_mapping().unwrap() {
        assert!(!spec["Default"].is_null(), "{name:?} has no default");
        assert!(spec["NoEcho"].is_null(), "{name:?} is a secret parameter");
    }
}

#[test]
fn no_function_environment_holds_a_variable_that_a_secret_holds() {
    let template = template();
    let secret: BTreeSet<&str> = template["Metadata"]["Secrets"]
        .as_mapping()
        .unwrap()
        .values()
        .flat_map(|keys| keys.as_sequence().unwrap().iter())
        .map(|key| key.as_str().unwrap())
        .collect();
    assert!(secret.contains("AUTH_SIGNING_KEY"), "{secret:?}");
    for (id, function) in functions(&template) {
        for (name, _) in environment(&template, function) {
            assert!(!secret.contains(name), "{id}'s environment holds {name}");
        }
    }
}

#[test]
fn no_function_refers_to_the_http_api_which_refers_to_every_function() {
    let template = template();
    for (id, function) in functions(&template) {
        let properties = serde_yaml_ng::to_string(&function["Properties"]).unwrap();
        for reference in [
            "${HttpApi}",
            "!Ref HttpApi\n",
            "HttpApi.",
            "!GetAtt HttpApi",
        ] {
            let events_only = properties.matches(reference).count()
                == properties.matches(&format!("ApiId: {reference}")).count();
            assert!(
                events_only,
                "{id} refers to HttpApi ({reference}) outside its events"
            );
        }
    }
}

/// A JWK of a 3072-bit RSA key: its modulus is 384 bytes, 512 base64url characters.
fn jwk_3072(kid: &str) -> serde_json::Value {
    serde_json::json!({"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid,
        "n": "x".repeat(512), "e": "AQAB"})
}

#[test]
fn auths_environment_stays_well_under_lambdas_4_kb_with_two_3072_bit_keys() {
    let template = template();
    let jwks = serde_json::json!({"keys": [jwk_3072("key-2026-11"), jwk_3072("key-2027-05")]});
    let (_, auth) = functions(&template)
        .into_iter()
        .find(|(id, _)| id == "AuthApiFunction")
        .unwrap();
    // Lambda counts names and values. References resolve to at most 128 characters (table
    // names, the stack's name in SECRET_IDS), the JWKS to two 3072-bit keys, and a signing key,
    // should one be there, to its PKCS#8 PEM (2,484 characters from scripts/create-secrets).
    let size: usize = environment(&template, auth)
        .into_iter()
        .map(|(name, value)| {
            let value = match (name, value.as_str()) {
                ("AUTH_JWKS", _) => jwks.to_string().len(),
                ("AUTH_SIGNING_KEY", _) => 2_484,
                (_, Some(text)) => text.len(),
                _ => 128,
            };
            name.len() + value
        })
        .sum();
    assert!(size < 2048, "auth's environment is {size} bytes");
}

#[test]
fn every_function_has_an_error_and_a_throttle_alarm_and_every_alarm_notifies_the_topic() {
    let template = template();
    let alarms: Vec<&Value> = template["Resources"]
        .as_mapping()
        .unwrap()
        .values()
        .filter(|resource| resource["Type"] == "AWS::CloudWatch::Alarm")
        .map(|alarm| &alarm["Properties"])
        .collect();
    for alarm in &alarms {
        let actions = serde_yaml_ng::to_string(&alarm["AlarmActions"]).unwrap();
        assert!(
            actions.contains("!Ref AlarmTopic"),
            "{alarm:?} notifies no one"
        );
    }
    for (id, _) in functions(&template) {
        for metric in ["Errors", "Throttles"] {
            let alarmed = alarms.iter().any(|alarm| {
                alarm["Namespace"] == "AWS/Lambda"
                    && alarm["MetricName"] == metric
                    && serde_yaml_ng::to_string(&alarm["Dimensions"])
                        .unwrap()
                        .contains(&format!("!Ref {id}\n"))
            });
            assert!(alarmed, "{id} has no {metric} alarm");
        }
    }
}

#[test]
fn the_http_api_logs_its_access_with_a_retention_and_allows_the_shops_origin() {
    let template = template();
    let api = &template["Resources"]["HttpApi"]["Properties"];
    let destination =
        serde_yaml_ng::to_string(&api["AccessLogSettings"]["DestinationArn"]).unwrap();
    let group = destination
        .trim()
        .trim_start_matches("!GetAtt ")
        .trim_end_matches(".Arn");
    let retention = &template["Resources"][group]["Properties"]["RetentionInDays"];
    assert!(
        retention.as_u64().is_some(),
        "{group} keeps access logs for ever"
    );
    let origins = serde_yaml_ng::to_string(&api["CorsConfiguration"]["AllowOrigins"]).unwrap();
    assert_eq!(origins.trim(), "- !Ref ShopOrigin");
}
