//! The `keycards-sync` Lambda function, run on a schedule: one sync run per event, ending
//! before the invocation's deadline.

use keycards::adapters::{MailNotifier, SupplierClient};
use keycards::config::KeycardsConfig;
use keycards::handler::App;
use lambda_runtime::{LambdaEvent, service_fn};
use shared::outbound::{Outbound, OutboundConfig};
use shared::queue::Queue;
use shared::service_token::ServiceTokens;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    shared::telemetry::init("keycards");
    let env = shared::config::env();
    let config = KeycardsConfig::from_env(&env)?;
    let outbound = Outbound::new(OutboundConfig::default())?;
    let tokens = ServiceTokens::from_env(&env, outbound.clone())?;
    let aws = shared::aws::load().await;
    let table = Table::new(shared::aws::dynamodb(&aws), &config.table);
    let mail = Queue::new(shared::aws::sqs(&aws), &config.mail_queue_url);
    let notifier = MailNotifier::new(tokens, outbound, mail, &config.api_base_url);
    let supplier = SupplierClient::new(config.supplier.clone())?;
    let app = App::new(table, supplier, notifier, config);
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
