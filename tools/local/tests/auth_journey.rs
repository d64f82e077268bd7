//! The auth journey over HTTP through the local cloud, on the real template and the auth-api
//! binary of this build, which reads its keys from its secret on moto.

mod common;

use serde_json::{Value, json};
use shared::testing::{secrets, tokens};
use std::collections::HashMap;

/// Every parameter without a default gets a placeholder (this journey touches no other
/// service); the test keys for auth's verifiers.
fn parameters() -> HashMap<String, String> {
    let template =
        std::fs::read_to_string(common::workspace().join("template.yaml")).expect("template.yaml");
    let template: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(&template).expect("template.yaml is YAML");
    let mut values: HashMap<String, String> = template["Parameters"]
        .as_mapping()
        .into_iter()
        .flatten()
        .filter(|(_, spec)| spec["Default"].is_null())
        .filter_map(|(name, _)| {
            name.as_str()
                .map(|name| (name.to_owned(), "unused-in-this-test".to_owned()))
        })
        .collect();
    values.extend([
        ("AuthIssuer".into(), tokens::ISSUER.into()),
        (
            "AuthJwks".into(),
            serde_json::to_string(&tokens::jwks()).expect("jwks serialise"),
        ),
    ]);
    values
}

/// Auth's secret on moto, as the stack's functions read it (`<stack>/auth`).
async fn put_auth_secret(stack: &str) {
    secrets::put(
        &format!("{stack}/auth"),
        &[
            ("AUTH_SIGNING_KEY", tokens::SIGNING_KEY_PEM),
            ("AUTH_SIGNING_KID", tokens::KID),
            ("AUTH_SERVICE_CLIENTS", "{}"),
            ("AUTH_BOOTSTRAP_SECRET", ""),
        ],
    )
    .await;
}

#[tokio::test]
async fn a_customer_signs_up_logs_in_refreshes_and_reads_their_profile_over_http() {
    assert!(
        common::bin_dir().join("auth-api").exists(),
        "auth-api is not built: scripts/test builds every binary before the tests"
    );
    let options = common::options(common::workspace().join("template.yaml"), parameters());
    put_auth_secret(&options.stack_name).await;
    let (cloud, _) = common::start_with(options).await;
    let base = format!("http://127.0.0.1:{}", cloud.port);
    let http = reqwest::Client::new();
    let credentials = json!({"email": "journey@example.com", "password": "correct horse battery"});

    let mut signup = credentials.clone();
    signup["name"] = "Journey".into();
    let created = http
        .post(format!("{base}/auth/signup"))
        .json(&signup)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    assert!(created.headers().contains_key("x-correlation-id"));

    let login: Value = http
        .post(format!("{base}/auth/login"))
        .json(&credentials)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let refreshed = http
        .post(format!("{base}/auth/refresh"))
        .json(&json!({"refresh_token": login["refresh_token"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(refreshed.status(), 200);
    let refreshed: Value = refreshed.json().await.unwrap();

    let me = http
        .get(format!("{base}/auth/me"))
        .bearer_auth(refreshed["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
    let me: Value = me.json().await.unwrap();
    assert_eq!(me["email"], "journey@example.com");

    let anonymous = http.get(format!("{base}/auth/me")).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);
    cloud.stop().await;
}
