//! The `order-processor` Lambda function on the `orders` queue, with partial batch failures.
// The processing future nests deeply (SDK and HTTP calls inside the per-record loop).
#![recursion_limit = "256"]

use order::adapters::{ApiClient, InvoiceBucket};
use order::config::OrderConfig;
use order::handler::App;
use shared::mail::Mailer;
use shared::messages::OrdersMessage;
use shared::outbound::{Outbound, OutboundConfig};
use shared::queue::Queue;
use shared::service_token::ServiceTokens;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    shared::telemetry::init("order");
    let env = shared::config::env();
    let (config, api) = OrderConfig::from_env(&env)?;
    let tokens = ServiceTokens::from_env(&env, Outbound::new(OutboundConfig::default())?)?;
    let aws = shared::aws::load().await;
    let table = Table::new(shared::aws::dynamodb(&aws), &config.table);
    let claims = table.claims(config.lease);
    let invoices = InvoiceBucket::new(shared::aws::s3(&aws), &config.invoice_bucket);
    let mail = Queue::new(shared::aws::sqs(&aws), env.required("MAIL_QUEUE_URL")?);
    let mail_tokens = ServiceTokens::from_env(&env, Outbound::new(OutboundConfig::default())?)?;
    let mailer = Mailer::new(
        mail_tokens,
        Outbound::new(OutboundConfig::default())?,
        mail,
        &api.base_url,
    );
    let services = ApiClient::new(api, tokens)?.with_mailer(mailer);
    let app = App::new(table, claims, invoices, services, config);
    shared::sqs::run(|message: OrdersMessage, _| app.process(message)).await
}
