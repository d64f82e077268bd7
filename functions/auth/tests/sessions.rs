//! Login, refresh rotation, reuse detection, the concurrent-refresh race and logout, against moto.

mod common;

use common::{Auth, PASSWORD, text};
use serde_json::json;
use shared::testing::tokens;
use shared::token::{API_AUDIENCE, Role, TokenVerifier};

#[tokio::test]
async fn login_returns_a_verifiable_access_token_and_a_refresh_token() {
    let auth = Auth::start().await;
    let tokens_body = auth.customer("anna@example.com").await;
    assert_eq!(tokens_body["token_type"], "Bearer");
    assert_eq!(tokens_body["expires_in"], 900);
    let verifier = TokenVerifier::new(&tokens::jwks(), tokens::ISSUER, &[API_AUDIENCE]).unwrap();
    let claims = verifier
        .verify(&text(&tokens_body["access_token"]))
        .unwrap();
    assert_eq!(claims.roles, vec![Role::Customer]);
    assert!(!claims.jti.is_empty());
    assert_eq!(text(&tokens_body["refresh_token"]).len(), 43);
}

#[tokio::test]
async fn an_unknown_user_and_a_wrong_password_get_the_same_answer() {
    let auth = Auth::start().await;
    auth.signup("anna@example.com").await;
    let wrong_password = auth.login("anna@example.com", "not the password").await;
    let unknown_user = auth.login("nobody@example.com", PASSWORD).await;
    let malformed_email = auth.login("nobody", PASSWORD).await;
    wrong_password.assert_status(401);
    assert_eq!(wrong_password.body, unknown_user.body);
    assert_eq!(wrong_password.body, malformed_email.body);
}

#[tokio::test]
async fn a_refresh_rotates_the_token_and_the_new_one_works() {
    let auth = Auth::start().await;
    let first = auth.customer("anna@example.com").await;
    let second = auth.refresh(&text(&first["refresh_token"])).await;
    second.assert_status(200);
    assert_ne!(second.body["refresh_token"], first["refresh_token"]);
    auth.me(&text(&second.body["access_token"]))
        .await
        .assert_status(200);
    let third = auth.refresh(&text(&second.body["refresh_token"])).await;
    third.assert_status(200);
}

#[tokio::test]
async fn reusing_a_rotated_token_revokes_its_whole_family() {
    let auth = Auth::start().await;
    let first = auth.customer("anna@example.com").await;
    let second = auth.refresh(&text(&first["refresh_token"])).await.body;
    let replay = auth.refresh(&text(&first["refresh_token"])).await;
    replay.assert_status(401);
    let descendant = auth.refresh(&text(&second["refresh_token"])).await;
    assert_eq!(
        descendant.status, 401,
        "the family must be revoked after reuse"
    );
}

#[tokio::test]
async fn reuse_revokes_only_the_family_of_that_login() {
    let auth = Auth::start().await;
    let phone = auth.customer("anna@example.com").await;
    let laptop = auth.login("anna@example.com", PASSWORD).await.body;
    auth.refresh(&text(&phone["refresh_token"])).await;
    auth.refresh(&text(&phone["refresh_token"])).await;
    auth.refresh(&text(&laptop["refresh_token"]))
        .await
        .assert_status(200);
}

#[tokio::test]
async fn of_two_concurrent_refreshes_with_one_token_exactly_one_succeeds() {
    let auth = Auth::start().await;
    for round in 0..5 {
        let login = auth.customer(&format!("race{round}@example.com")).await;
        let token = text(&login["refresh_token"]);
        let (a, b) = tokio::join!(auth.refresh(&token), auth.refresh(&token));
        let winners = [a.status, b.status].iter().filter(|s| **s == 200).count();
        assert_eq!(winners, 1, "round {round}: {} and {}", a.status, b.status);
        assert!([a.status, b.status].contains(&401));
    }
}

#[tokio::test]
async fn an_unknown_or_malformed_refresh_token_is_a_401() {
    let auth = Auth::start().await;
    auth.refresh("no-such-token").await.assert_status(401);
    let missing_field = auth.call("refresh", Some(json!({"token": "x"})), &[]).await;
    missing_field.assert_status(400);
}

#[tokio::test]
async fn an_expired_refresh_token_is_refused() {
    let auth = Auth::start_with(|settings| settings.set("AUTH_REFRESH_TTL_SECONDS", "0")).await;
    let login = auth.customer("anna@example.com").await;
    auth.refresh(&text(&login["refresh_token"]))
        .await
        .assert_status(401);
}

#[tokio::test]
async fn a_family_ends_its_lifetime_after_login_however_recently_it_was_rotated() {
    let auth = Auth::start_with(|settings| settings.set("AUTH_REFRESH_TTL_SECONDS", "3")).await;
    let login = auth.customer("anna@example.com").await;
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    let rotated = auth.refresh(&text(&login["refresh_token"])).await;
    rotated.assert_status(200);
    tokio::time::sleep(std::time::Duration::from_millis(2_000)).await;
    let late = auth.refresh(&text(&rotated.body["refresh_token"])).await;
    late.assert_error(401, "unauthorized");
}

#[tokio::test]
async fn logout_revokes_the_family_and_answers_204_for_any_token() {
    let auth = Auth::start().await;
    let login = auth.customer("anna@example.com").await;
    let token = text(&login["refresh_token"]);
    let logout = auth
        .call("logout", Some(json!({"refresh_token": token})), &[])
        .await;
    logout.assert_status(204);
    auth.refresh(&token).await.assert_status(401);
    let unknown = auth
        .call(
            "logout",
            Some(json!({"refresh_token": "never-issued"})),
            &[],
        )
        .await;
    unknown.assert_status(204);
}
