//! Secrets read through the configuration, from moto's Secrets Manager.

use super::Secrets;
use crate::config::tests::source as env;
use crate::config::{ConfigError, SECRET_IDS};
use crate::testing::secrets;

#[test]
fn a_list_of_secret_ids_is_split_at_commas_and_blank_ids_are_dropped() {
    assert_eq!(
        Secrets::parse(" starjack/auth, ,starjack/stack "),
        Some(Secrets(vec![
            "starjack/auth".into(),
            "starjack/stack".into()
        ]))
    );
    assert_eq!(Secrets::parse(" , "), None);
}

#[test]
fn without_secret_ids_the_variables_come_from_the_environment() {
    let env = env(&[("MAILGUN_API_KEY", "from-env")]);
    assert_eq!(env.required("MAILGUN_API_KEY").unwrap(), "from-env");
}

#[tokio::test]
async fn the_variables_of_every_named_secret_are_read_before_the_environment() {
    let service = secrets::fresh(&[("AUTH_SIGNING_KEY", "pem"), ("SHARED", "service")]).await;
    let stack =
        secrets::fresh(&[("API_BASE_URL", "https://api.example"), ("SHARED", "stack")]).await;
    let ids = format!("{service},{stack}");
    let env = env(&[
        (SECRET_IDS, &ids),
        ("TABLE_NAME", "t"),
        ("AUTH_SIGNING_KEY", "env"),
    ]);
    assert_eq!(env.required("AUTH_SIGNING_KEY").unwrap(), "pem");
    assert_eq!(env.required("API_BASE_URL").unwrap(), "https://api.example");
    assert_eq!(
        env.required("SHARED").unwrap(),
        "stack",
        "a later secret wins"
    );
    assert_eq!(env.required("TABLE_NAME").unwrap(), "t");
    assert_eq!(env.optional("UNSET"), None);
}

#[tokio::test]
async fn secrets_are_read_once_and_kept_for_every_later_lookup() {
    let name = secrets::fresh(&[("SLACK_BOT_TOKEN", "xoxb-1"), ("OTHER", "2")]).await;
    let env = env(&[(SECRET_IDS, &name)]);
    assert_eq!(env.required("SLACK_BOT_TOKEN").unwrap(), "xoxb-1");
    secrets::delete(&name).await;
    assert_eq!(env.required("OTHER").unwrap(), "2", "no second call");
}

#[tokio::test]
async fn a_missing_secret_fails_every_required_value_and_names_the_secret() {
    let missing = format!("test/missing-{}", uuid::Uuid::new_v4().simple());
    let env = env(&[(SECRET_IDS, &missing), ("TABLE_NAME", "t")]);
    let err = env.required("TABLE_NAME").unwrap_err();
    assert!(
        matches!(&err, ConfigError::Secrets { ids, .. } if *ids == missing),
        "{err}"
    );
    assert_eq!(env.optional("TABLE_NAME"), None);
}

#[tokio::test]
async fn a_secret_that_is_no_json_object_of_strings_is_refused_without_quoting_it() {
    let name = secrets::fresh(&[]).await;
    let client = aws_sdk_secretsmanager::Client::new(&crate::aws::load().await);
    client
        .put_secret_value()
        .secret_id(&name)
        .secret_string(r#"{"PORT": 8080}"#)
        .send()
        .await
        .unwrap();
    let err = env(&[(SECRET_IDS, &name)]).required("PORT").unwrap_err();
    assert!(
        err.to_string().contains("no JSON object of strings"),
        "{err}"
    );
    assert!(!err.to_string().contains("8080"), "{err}");
}

#[tokio::test]
async fn a_blank_value_in_a_secret_counts_as_missing() {
    let name = secrets::fresh(&[("AUTH_BOOTSTRAP_SECRET", "")]).await;
    let env = env(&[(SECRET_IDS, &name), ("AUTH_BOOTSTRAP_SECRET", "from-env")]);
    assert_eq!(env.optional("AUTH_BOOTSTRAP_SECRET"), None);
}
