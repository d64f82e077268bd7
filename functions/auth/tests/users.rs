//! The service route `GET /auth/users/{user_id}`: a user's address and name for another
//! service's mails, to service tokens only.

mod common;

use common::{Auth, text};
use serde_json::json;
use shared::testing::function::{Answer, call, not_this_service, request_at, service};

async fn read(auth: &Auth, user_id: &str, token: &str) -> Answer {
    let request = request_at("auth/user.json", &[("user_id", user_id)], None, Some(token));
    call(|request| auth.app.handle(request), request).await
}

#[tokio::test]
async fn a_service_reads_a_users_address_and_name_and_nothing_else() {
    let auth = Auth::start().await;
    let id = text(&auth.signup("anna@example.com").await.body["id"]);
    let answer = read(&auth, &id, &service("keycards", "auth")).await;
    answer.assert_status(200);
    assert_eq!(
        answer.body,
        json!({"id": id, "email": "anna@example.com", "name": "Anna Berg"})
    );
}

#[tokio::test]
async fn only_a_service_token_for_auth_reads_users_and_an_unknown_user_is_404() {
    let auth = Auth::start().await;
    let id = text(&auth.signup("anna@example.com").await.body["id"]);
    for (caller, token, status) in not_this_service("auth") {
        assert_eq!(read(&auth, &id, &token).await.status, status, "{caller}");
    }
    read(&auth, "no-such-user", &service("keycards", "auth"))
        .await
        .assert_error(404, "not_found");
}
