//! Access-token attacks on `GET /auth/me`, the published keys, and service tokens.

mod common;

use common::{Auth, ORDER_SECRET, text};
use serde_json::json;
use shared::testing::stubs::requests;
use shared::testing::tokens;
use shared::token::{API_AUDIENCE, Role, TokenVerifier};
use wiremock::MockServer;

#[tokio::test]
async fn every_hostile_access_token_is_refused_by_auth_me_with_401() {
    let auth = Auth::start().await;
    let login = auth.customer("anna@example.com").await;
    let subject = TokenVerifier::new(&tokens::jwks(), tokens::ISSUER, &[API_AUDIENCE])
        .unwrap()
        .verify(&text(&login["access_token"]))
        .unwrap()
        .sub;
    let trap = MockServer::start().await;
    let valid = tokens::claims(&subject, API_AUDIENCE, &[Role::Customer]);
    assert_eq!(
        auth.me(&tokens::sign(&valid)).await.status,
        200,
        "the honest token must pass"
    );

    let mut hostile = tokens::hostile_tokens(&valid, &trap.uri());
    hostile.push(("our own refresh token", text(&login["refresh_token"])));
    for (attack, token) in hostile {
        let answer = auth.me(&token).await;
        assert_eq!(answer.status, 401, "{attack}: {}", answer.body);
    }
    assert!(requests(&trap).await.is_empty());
}

#[tokio::test]
async fn a_request_without_a_bearer_token_is_a_401() {
    let auth = Auth::start().await;
    let request = shared::testing::events::http_request(
        "auth/me.json",
        None,
        &[("authorization", "Basic YTpi")],
    );
    let response = shared::http::serve(&|request| auth.app.handle(request), request).await;
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn the_jwks_publishes_the_signing_key_without_private_parts() {
    let auth = Auth::start().await;
    let jwks = auth.call("jwks", None, &[]).await;
    jwks.assert_status(200);
    assert_eq!(jwks.body["keys"][0]["kid"], tokens::KID);
    assert!(jwks.body["keys"][0].get("d").is_none());
}

#[tokio::test]
async fn a_known_service_gets_a_service_token_for_an_allowed_audience() {
    let auth = Auth::start().await;
    let form = format!(
        "grant_type=client_credentials&client_id=order&client_secret={ORDER_SECRET}&audience=liftoperator"
    );
    let mut event = shared::testing::events::load("auth/token.json");
    event["body"] = form.into();
    let request = lambda_http::request::from_str(&event.to_string()).unwrap();
    let response = shared::http::serve(&|request| auth.app.handle(request), request).await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = serde_json::from_slice(response.body().as_ref()).unwrap();
    let verifier = TokenVerifier::new(&tokens::jwks(), tokens::ISSUER, &["liftoperator"]).unwrap();
    let claims = verifier.verify(&text(&body["access_token"])).unwrap();
    assert_eq!(claims.sub, "order");
    assert_eq!(claims.roles, vec![Role::Service]);
    let customer_verifier =
        TokenVerifier::new(&tokens::jwks(), tokens::ISSUER, &[API_AUDIENCE]).unwrap();
    assert!(
        customer_verifier
            .verify(&text(&body["access_token"]))
            .is_err()
    );
}

#[tokio::test]
async fn service_token_requests_with_bad_credentials_grant_or_audience_are_refused() {
    let auth = Auth::start().await;
    let ask = |grant: &str, secret: &str, audience: &str| json!({"grant_type": grant, "client_id": "order", "client_secret": secret, "audience": audience});
    let wrong_secret = auth
        .call(
            "token",
            Some(ask("client_credentials", "guess", "liftoperator")),
            &[],
        )
        .await;
    wrong_secret.assert_status(401);
    let wrong_grant = auth
        .call(
            "token",
            Some(ask("password", ORDER_SECRET, "liftoperator")),
            &[],
        )
        .await;
    wrong_grant.assert_status(400);
    let not_allowed = auth
        .call(
            "token",
            Some(ask("client_credentials", ORDER_SECRET, "auth")),
            &[],
        )
        .await;
    not_allowed.assert_status(403);
}

#[tokio::test]
async fn a_service_token_for_the_customer_audience_is_refused_even_if_configured() {
    let clients = json!({"order": {"secret_sha256": shared::digest::sha256_hex(ORDER_SECRET.as_bytes()), "audiences": [API_AUDIENCE, "liftoperator"]}});
    let auth =
        Auth::start_with(|settings| settings.set("AUTH_SERVICE_CLIENTS", clients.to_string()))
            .await;
    let ask = json!({"grant_type": "client_credentials", "client_id": "order", "client_secret": ORDER_SECRET, "audience": API_AUDIENCE});
    let refused = auth.call("token", Some(ask), &[]).await;
    let message = refused.assert_error(400, "invalid_target");
    assert!(message.contains(API_AUDIENCE), "{message}");
    assert!(refused.body.get("access_token").is_none());
}

#[tokio::test]
async fn a_signing_key_that_the_jwks_does_not_publish_is_a_configuration_error() {
    let (_, table) = shared::testing::dynamo::table_from_template("AuthTable").await;
    let env = common::settings(&table)
        .set("AUTH_SIGNING_KEY", tokens::OTHER_KEY_PEM)
        .env();
    let err = auth::config::AuthConfig::from_env(&env).err().unwrap();
    assert!(err.to_string().contains("does not match"), "{err}");
}
