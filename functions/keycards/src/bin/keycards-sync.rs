//! The `keycards-sync` Lambda function, run on a schedule: one sync run per event, ending
//! before the invocation's deadline.

use lambda_runtime::{LambdaEvent, service_fn};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    let (env, aws) = shared::start("keycards").await;
    let app = keycards::adapters::deployed(&env, &aws)?;
    let app = &app;
    lambda_runtime::run(service_fn(|event: LambdaEvent<serde_json::Value>| async move {
        let left = event
            .context
            .deadline()
            .duration_since(std::time::SystemTime::now())
            .unwrap_or_default();
        app.sync(Some(tokio::time::Instant::now() + left))
            .await
            .map_err(|err| {
                let cause = shared::http::cause_chain(&err);
                tracing::error!(event = "keycard.sync_failed", cause = %cause, "the sync run failed");
                lambda_runtime::Error::from(err)
            })
    }))
    .await
}
