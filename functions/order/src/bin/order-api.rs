//! The `order-api` Lambda function behind the HTTP API.

use order::adapters::{ApiClient, InvoiceBucket};
use order::config::OrderConfig;
use order::handler::App;
use shared::outbound::{Outbound, OutboundConfig};
use shared::service_token::ServiceTokens;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("order");
    let env = shared::config::env();
    let (config, api) = OrderConfig::from_env(&env)?;
    let tokens = ServiceTokens::from_env(&env, Outbound::new(OutboundConfig::default())?)?;
    let aws = shared::aws::load().await;
    let table = Table::new(shared::aws::dynamodb(&aws), &config.table);
    let claims = table.claims(config.lease);
    let invoices = InvoiceBucket::new(shared::aws::s3(&aws), &config.invoice_bucket);
    let app = App::new(
        table,
        claims,
        invoices,
        ApiClient::new(api, tokens)?,
        config,
    );
    shared::http::run(|request| app.handle(request)).await
}
