//! The failed-login limit per account, against moto: counted before the password is checked,
//! answered alike for known and unknown addresses, reset by a success.

mod common;

use common::{Auth, PASSWORD};

async fn limited(max: &str) -> Auth {
    Auth::start_with(|settings| settings.set("AUTH_LOGIN_MAX_FAILURES", max)).await
}

#[tokio::test]
async fn after_the_allowed_failures_even_the_right_password_gets_429_with_retry_after() {
    let auth = limited("3").await;
    auth.signup("anna@example.com").await;
    for _ in 0..3 {
        auth.login("anna@example.com", "wrong password")
            .await
            .assert_status(401);
    }
    let locked = auth.login("Anna@Example.com ", PASSWORD).await;
    let message = locked.assert_error(429, "too_many_attempts");
    assert!(message.contains("Retry-After"), "{message}");
    let retry_after: u64 = locked.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
}

#[tokio::test]
async fn an_unknown_address_is_limited_with_the_same_answer_as_a_known_one() {
    let auth = limited("2").await;
    auth.signup("anna@example.com").await;
    for email in ["anna@example.com", "nobody@example.com"] {
        for _ in 0..2 {
            auth.login(email, "wrong password").await.assert_status(401);
        }
    }
    let known = auth.login("anna@example.com", "wrong password").await;
    let unknown = auth.login("nobody@example.com", "wrong password").await;
    known.assert_error(429, "too_many_attempts");
    assert_eq!(known.body, unknown.body);
    assert_eq!(
        known.header("retry-after").is_some(),
        unknown.header("retry-after").is_some()
    );
}

#[tokio::test]
async fn a_successful_login_resets_the_count_of_failures() {
    let auth = limited("2").await;
    auth.signup("anna@example.com").await;
    for round in 0..3 {
        let failed = auth.login("anna@example.com", "wrong password").await;
        assert_eq!(failed.status, 401, "round {round}: {}", failed.body);
        let passed = auth.login("anna@example.com", PASSWORD).await;
        assert_eq!(passed.status, 200, "round {round}: {}", passed.body);
    }
}

#[tokio::test]
async fn the_limit_of_one_account_leaves_other_accounts_alone() {
    let auth = limited("1").await;
    auth.signup("anna@example.com").await;
    auth.signup("ben@example.com").await;
    auth.login("anna@example.com", "wrong password").await;
    auth.login("anna@example.com", PASSWORD)
        .await
        .assert_error(429, "too_many_attempts");
    auth.login("ben@example.com", PASSWORD)
        .await
        .assert_status(200);
}

#[tokio::test]
async fn concurrent_guesses_never_get_more_password_checks_than_the_limit() {
    let auth = limited("3").await;
    auth.signup("anna@example.com").await;
    let guesses = (0..8).map(|_| auth.login("anna@example.com", "wrong password"));
    let answers = futures_util::future::join_all(guesses).await;
    let checked = answers.iter().filter(|a| a.status == 401).count();
    let refused = answers.iter().filter(|a| a.status == 429).count();
    assert_eq!(
        (checked, refused),
        (3, 5),
        "{:?}",
        answers.iter().map(|a| a.status).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_limit_of_zero_failures_or_an_empty_window_is_a_configuration_error() {
    let (_, table) = shared::testing::dynamo::table_from_template("AuthTable").await;
    for (name, value) in [
        ("AUTH_LOGIN_MAX_FAILURES", "0"),
        ("AUTH_LOGIN_FAILURE_WINDOW_SECONDS", "0"),
    ] {
        let env = common::settings(&table).set(name, value).env();
        let err = auth::config::AuthConfig::from_env(&env).err().unwrap();
        assert!(err.to_string().contains(name), "{err}");
    }
}
