//! The `keycards-api` Lambda function behind the HTTP API.

use keycards::adapters::{MailNotifier, SupplierClient};
use keycards::config::KeycardsConfig;
use keycards::handler::App;
use shared::outbound::{Outbound, OutboundConfig};
use shared::queue::Queue;
use shared::service_token::ServiceTokens;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
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
    shared::http::run(|request| app.handle(request)).await
}
