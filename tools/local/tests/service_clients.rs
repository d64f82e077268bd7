//! A service that calls another is declared once, in its function's template entry; the local
//! parameters (scripts/lib/local_parameters.py) derive its secret and auth's client entry from it.

mod common;

use serde_yaml_ng::Value;
use std::collections::BTreeMap;

fn template() -> Value {
    let text =
        std::fs::read_to_string(common::workspace().join("template.yaml")).expect("template.yaml");
    serde_yaml_ng::from_str(&text).expect("template.yaml is YAML")
}

/// The callers the template declares: client id to (secret parameter, audiences).
fn callers(template: &Value) -> BTreeMap<String, (String, Vec<String>)> {
    let mut callers = BTreeMap::new();
    for (id, resource) in template["Resources"].as_mapping().expect("resources") {
        let variables = &resource["Properties"]["Environment"]["Variables"];
        let Some(client) = variables["SERVICE_CLIENT_ID"].as_str() else {
            continue;
        };
        let secret = match &variables["SERVICE_CLIENT_SECRET"] {
            Value::Tagged(tagged) if tagged.tag == "Ref" => tagged.value.as_str(),
            _ => None,
        };
        let audiences: Vec<String> = resource["Metadata"]["ServiceClientAudiences"]
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(|audience| audience.as_str().map(str::to_owned))
            .collect();
        let id = id.as_str().unwrap_or_default();
        let secret = secret.unwrap_or_else(|| panic!("{id}: SERVICE_CLIENT_SECRET is no !Ref"));
        assert!(!audiences.is_empty(), "{id} has no ServiceClientAudiences");
        callers.insert(client.to_owned(), (secret.to_owned(), audiences));
    }
    callers
}

#[test]
fn every_caller_names_a_secret_parameter_and_audiences_that_are_services_of_the_template() {
    let template = template();
    let callers = callers(&template);
    assert!(callers.contains_key("liftoperator"), "{callers:?}");
    let routes = serde_yaml_ng::to_string(&template["Resources"]).expect("resources");
    for (client, (secret, audiences)) in callers {
        let parameter = &template["Parameters"][secret.as_str()];
        assert_eq!(parameter["NoEcho"], true, "{client}'s {secret} is NoEcho");
        assert!(parameter["Default"].is_null(), "{secret} has no default");
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
fn the_local_parameters_give_auth_an_entry_for_every_caller_the_template_declares() {
    let workspace = common::workspace();
    let file = std::env::temp_dir().join(format!("parameters-{}.json", uuid::Uuid::new_v4()));
    let status = std::process::Command::new("python3")
        .arg(workspace.join("scripts/lib/local_parameters.py"))
        .args([file.as_os_str(), "3000".as_ref(), "3100".as_ref()])
        .status()
        .expect("python3 runs (scripts/test puts the project's .venv on PATH)");
    assert!(status.success());
    let values: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("parameters written"))
            .expect("parameters are JSON");
    std::fs::remove_file(&file).expect("removing the parameters file");
    let clients: serde_json::Value = serde_json::from_str(
        values["AuthServiceClients"]
            .as_str()
            .expect("a JSON string"),
    )
    .expect("AuthServiceClients is JSON");
    let callers = callers(&template());
    assert_eq!(clients.as_object().map(|c| c.len()), Some(callers.len()));
    for (client, (secret, audiences)) in callers {
        assert!(values[&secret].as_str().is_some_and(|s| s.len() >= 32));
        assert_eq!(clients[&client]["audiences"], serde_json::json!(audiences));
        let digest = clients[&client]["secret_sha256"]
            .as_str()
            .unwrap_or_default();
        assert_eq!(digest.len(), 64, "{client} has the SHA-256 of its secret");
    }
}
