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

/// The local cloud of the real template with its auth secret, with the auth-api binary of this
/// build.
async fn start() -> local::Cloud {
    assert!(
        common::bin_dir().join("auth-api").exists(),
        "auth-api is not built: scripts/test builds every binary before the tests"
    );
    let options = common::options(common::workspace().join("template.yaml"), parameters());
    put_auth_secret(&options.stack_name).await;
    common::start_with(options).await.0
}

#[tokio::test]
async fn a_customer_signs_up_logs_in_refreshes_and_reads_their_profile_over_http() {
    let cloud = start().await;
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

/// `ThrottlingBurstLimit` of `POST /auth/login` in the template.
fn login_burst() -> u64 {
    let template =
        std::fs::read_to_string(common::workspace().join("template.yaml")).expect("template.yaml");
    let template: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(&template).expect("template.yaml is YAML");
    let settings = &template["Resources"]["HttpApi"]["Properties"]["RouteSettings"];
    settings["POST /auth/login"]["ThrottlingBurstLimit"]
        .as_u64()
        .expect("POST /auth/login has a burst limit")
}

/// The template throttles `POST /auth/login` at the stage; the local gateway applies it, so a
/// burst past its limit is answered 429 by the gateway (its own body, not auth's JSON error).
#[tokio::test]
async fn a_burst_of_logins_past_the_templates_limit_is_answered_429_by_the_gateway() {
    let cloud = start().await;
    let url = format!("http://127.0.0.1:{}/auth/login", cloud.port);
    let http = reqwest::Client::new();
    let burst = login_burst();
    let guesses: Vec<_> = (0..3 * burst)
        .map(|_| tokio::spawn(http.post(&url).json(&json!({})).send()))
        .collect();
    let (mut throttled, mut reached) = (0, 0);
    for guess in guesses {
        let answer = guess.await.unwrap().unwrap();
        if answer.status() == 429 {
            throttled += 1;
            let body: Value = answer.json().await.unwrap();
            assert_eq!(body, json!({"message": "Too Many Requests"}));
        } else {
            assert_eq!(answer.status(), 400, "a malformed login reaches auth");
            reached += 1;
        }
    }
    assert!(throttled > 0, "none of {} logins was throttled", 3 * burst);
    assert!(
        reached >= burst,
        "the burst of {burst} must pass, {reached} did"
    );
    cloud.stop().await;
}
