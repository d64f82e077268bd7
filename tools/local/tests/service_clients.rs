//! A service that calls another is declared once, in its function's template entry: its
//! SERVICE_CLIENT_ID, its own secret (in SECRET_IDS) holding SERVICE_CLIENT_SECRET, and its
//! audiences; the secrets (scripts/lib/stack_secrets.py, locally and for AWS) derive auth's
//! client entry from it.

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

mod common;

use serde_yaml_ng::Value;
use std::collections::BTreeMap;

fn template() -> Value {
    let text =
        std::fs::read_to_string(common::workspace().join("template.yaml")).expect("template.yaml");
    serde_yaml_ng::from_str(&text).expect("template.yaml is YAML")
}

/// The secret names `SECRET_IDS: !Sub ${AWS::StackName}/<name>,...` lists.
fn secret_names(variables: &Value) -> Vec<String> {
    let text = match &variables["SECRET_IDS"] {
        Value::Tagged(tagged) if tagged.tag == "Sub" => tagged.value.as_str().unwrap_or_default(),
        _ => "",
    };
    text.split(',')
        .filter_map(|id| id.trim().strip_prefix("${AWS::StackName}/"))
        .map(str::to_owned)
        .collect()
}

/// The callers the template declares: client id to (the secret with its client secret,
/// audiences).
fn callers(template: &Value) -> BTreeMap<String, (String, Vec<String>)> {
    let declared = &template["Metadata"]["Secrets"];
    let mut callers = BTreeMap::new();
    for (id, resource) in template["Resources"].as_mapping().expect("resources") {
        let variables = &resource["Properties"]["Environment"]["Variables"];
        let Some(client) = variables["SERVICE_CLIENT_ID"].as_str() else {
            continue;
        };
        let id = id.as_str().unwrap_or_default();
        let holders: Vec<String> = secret_names(variables)
            .into_iter()
            .filter(|name| {
                declared[name.as_str()]
                    .as_sequence()
                    .into_iter()
                    .flatten()
                    .any(|key| key == "SERVICE_CLIENT_SECRET")
            })
            .collect();
        assert_eq!(
            holders.len(),
            1,
            "{id} reads one secret with SERVICE_CLIENT_SECRET"
        );
        let audiences: Vec<String> = resource["Metadata"]["ServiceClientAudiences"]
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(|audience| audience.as_str().map(str::to_owned))
            .collect();
        assert!(!audiences.is_empty(), "{id} has no ServiceClientAudiences");
        let entry = callers
            .entry(client.to_owned())
            .or_insert_with(|| (holders[0].clone(), Vec::new()));
        assert_eq!(entry.0, holders[0], "{client}'s functions share one secret");
        for audience in audiences {
            if !entry.1.contains(&audience) {
                entry.1.push(audience);
            }
        }
    }
    callers
}

#[test]
fn every_caller_keeps_its_client_secret_in_a_secret_and_asks_for_services_of_the_template() {
    let template = template();
    let callers = callers(&template);
    assert!(callers.contains_key("liftoperator"), "{callers:?}");
    let routes = serde_yaml_ng::to_string(&template["Resources"]).expect("resources");
    for (client, (_, audiences)) in callers {
        for audience in audiences {
            // A service's routes start with its name or its plural (`/payments/...`).
            let served = [
                format!("/{audience}/status"),
                format!("/{audience}s/status"),
            ]
            .iter()
            .any(|status| routes.contains(&format!("Path: {status}")));
            assert!(
                served,
                "{client} asks for {audience}, which has no /{audience}(s)/status route"
            );
        }
    }
}

#[test]
fn the_local_secrets_give_auth_an_entry_for_every_caller_and_each_caller_its_secret_on_moto() {
    let workspace = common::workspace();
    let dir = std::env::temp_dir().join(format!("parameters-{}", uuid::Uuid::new_v4()));
    let stack = format!("t{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
    let status = std::process::Command::new("python3")
        .arg(workspace.join("scripts/lib/local_parameters.py"))
        .arg(dir.join("parameters.json"))
        .args(["3000", "3100", &stack])
        .status()
        .expect("python3 runs (scripts/test puts the project's .venv on PATH)");
    assert!(status.success());
    std::fs::remove_dir_all(&dir).expect("removing the parameters");
    let read = |name: &str| {
        let env = shared::config::Env::from_map(
            [(
                shared::config::SECRET_IDS.to_owned(),
                format!("{stack}/{name}"),
            )]
            .into(),
        );
        move |variable: &str| env.required(variable).unwrap()
    };
    let clients: serde_json::Value =
        serde_json::from_str(&read("auth")("AUTH_SERVICE_CLIENTS")).unwrap();
    let callers = callers(&template());
    assert_eq!(clients.as_object().map(|c| c.len()), Some(callers.len()));
    for (client, (holder, audiences)) in callers {
        let secret = read(&holder)("SERVICE_CLIENT_SECRET");
        assert!(secret.len() >= 32, "{client}'s secret is long");
        let digest = shared::digest::sha256_hex(secret.as_bytes());
        assert_eq!(clients[&client]["secret_sha256"], digest.as_str());
        assert_eq!(clients[&client]["audiences"], serde_json::json!(audiences));
    }
    assert!(read("stack")("API_BASE_URL").ends_with(":3000"));
}
