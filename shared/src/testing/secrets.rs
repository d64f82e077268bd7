//! Secrets on moto's server for tests and the local cloud, as the functions read them.

/// Creates a uniquely named secret holding `variables` (a JSON object) and returns its name.
pub async fn fresh(variables: &[(&str, &str)]) -> String {
    let name = format!("test/{}", uuid::Uuid::new_v4().simple());
    put(&name, variables).await;
    name
}

/// Creates secret `name` holding `variables`, as a function of a stack reads it.
pub async fn put(name: &str, variables: &[(&str, &str)]) {
    let text: serde_json::Map<String, serde_json::Value> = variables
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).into()))
        .collect();
    client()
        .await
        .create_secret()
        .name(name)
        .secret_string(serde_json::Value::Object(text).to_string())
        .send()
        .await
        .expect("creating the test secret on moto");
}

/// Deletes secret `name` at once (no recovery window).
pub async fn delete(name: &str) {
    client()
        .await
        .delete_secret()
        .secret_id(name)
        .force_delete_without_recovery(true)
        .send()
        .await
        .expect("deleting the test secret on moto");
}

async fn client() -> aws_sdk_secretsmanager::Client {
    aws_sdk_secretsmanager::Client::new(&crate::aws::load().await)
}
