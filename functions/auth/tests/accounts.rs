//! Sign-up, profile and the first admin, end to end through the handler against moto.

mod common;

use common::{Auth, BOOTSTRAP_SECRET, PASSWORD, text};
use serde_json::json;

#[tokio::test]
async fn a_new_customer_signs_up_with_a_normalised_email_and_reads_their_profile() {
    let auth = Auth::start().await;
    let signup = auth.signup("  Anna.Berg@Example.COM ").await;
    signup.assert_status(201);
    assert_eq!(signup.body["email"], "anna.berg@example.com");
    assert_eq!(signup.body["roles"], json!(["customer"]));
    assert!(signup.body.get("password_hash").is_none());

    let tokens = auth.login("anna.berg@example.com", PASSWORD).await.body;
    let me = auth.me(&text(&tokens["access_token"])).await;
    me.assert_status(200);
    assert_eq!(me.body["id"], signup.body["id"]);
    assert_eq!(me.body["name"], "Anna Berg");
}

#[tokio::test]
async fn a_taken_email_is_a_409_even_in_another_spelling() {
    let auth = Auth::start().await;
    auth.signup("anna@example.com").await.assert_status(201);
    let again = auth.signup("ANNA@example.com").await;
    again.assert_error(409, "email_taken");
}

#[tokio::test]
async fn bad_sign_up_input_is_a_400_that_changes_nothing() {
    let auth = Auth::start().await;
    let cases = [
        json!({"email": "anna@example.com", "name": "Anna", "password": "too short"}),
        json!({"email": "anna@example.com", "name": "Anna", "password": "x".repeat(129)}),
        json!({"email": "not-an-email", "name": "Anna", "password": PASSWORD}),
        json!({"email": "anna@example.com", "name": "  ", "password": PASSWORD}),
        json!({"email": "anna@example.com", "password": PASSWORD}),
    ];
    for body in cases {
        let answer = auth.call("signup", Some(body.clone()), &[]).await;
        assert_eq!(answer.status, 400, "{body} gave {}", answer.body);
        assert!(
            answer.body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    auth.login("anna@example.com", PASSWORD)
        .await
        .assert_status(401);
    auth.signup("anna@example.com").await.assert_status(201);
}

#[tokio::test]
async fn a_password_of_exactly_128_characters_is_kept_whole() {
    let auth = Auth::start().await;
    let long = "p".repeat(128);
    let body = json!({"email": "long@example.com", "name": "Long", "password": long});
    auth.call("signup", Some(body), &[])
        .await
        .assert_status(201);
    auth.login("long@example.com", &"p".repeat(127))
        .await
        .assert_status(401);
    auth.login("long@example.com", &long)
        .await
        .assert_status(200);
}

#[tokio::test]
async fn the_first_admin_is_created_once_with_the_bootstrap_secret() {
    let auth = Auth::start().await;
    let admin = json!({"email": "admin@starjack.example", "name": "Admin", "password": "a long admin password"});
    let wrong = auth
        .call(
            "bootstrap-admin",
            Some(admin.clone()),
            &[("x-bootstrap-secret", "guess")],
        )
        .await;
    wrong.assert_status(401);
    let first = auth
        .call(
            "bootstrap-admin",
            Some(admin),
            &[("x-bootstrap-secret", BOOTSTRAP_SECRET)],
        )
        .await;
    first.assert_status(201);
    assert_eq!(first.body["roles"], json!(["admin", "customer"]));
    let other = json!({"email": "second@starjack.example", "name": "Second", "password": "a long admin password"});
    let second = auth
        .call(
            "bootstrap-admin",
            Some(other),
            &[("x-bootstrap-secret", BOOTSTRAP_SECRET)],
        )
        .await;
    second.assert_error(409, "admin_exists");
}

#[tokio::test]
async fn bootstrap_is_absent_when_no_secret_is_configured() {
    let auth = Auth::start_with(|settings| settings.without("AUTH_BOOTSTRAP_SECRET")).await;
    let admin = json!({"email": "admin@starjack.example", "name": "Admin", "password": "a long admin password"});
    let answer = auth
        .call(
            "bootstrap-admin",
            Some(admin),
            &[("x-bootstrap-secret", "")],
        )
        .await;
    answer.assert_status(404);
}

#[tokio::test]
async fn the_status_route_reports_the_table_healthy() {
    let auth = Auth::start().await;
    let status = auth.call("status", None, &[]).await;
    status.assert_status(200);
    assert_eq!(status.body["checks"]["table"]["ok"], true);
}

#[tokio::test]
async fn an_unknown_route_is_a_404_with_a_json_error() {
    let auth = Auth::start().await;
    let mut event = shared::testing::events::load("auth/status.json");
    event["routeKey"] = "GET /auth/nothing".into();
    event["requestContext"]["routeKey"] = "GET /auth/nothing".into();
    let request = lambda_http::request::from_str(&event.to_string()).unwrap();
    let response = shared::http::serve(&|request| auth.app.handle(request), request).await;
    assert_eq!(response.status(), 404);
}
