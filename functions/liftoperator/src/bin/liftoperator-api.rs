//! The `liftoperator-api` Lambda function behind the HTTP API.

use liftoperator::adapters::{AdapterClient, HttpProviders};
use liftoperator::config::LiftoperatorConfig;
use liftoperator::handler::App;
use shared::outbound::{Outbound, OutboundConfig};
use shared::service_token::ServiceTokens;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("liftoperator");
    let env = shared::config::env();
    let (config, adapters) = LiftoperatorConfig::from_env(&env)?;
    let tokens = ServiceTokens::from_env(&env, Outbound::new(OutboundConfig::default())?)?;
    let aws = shared::aws::load().await;
    let app = App::new(
        Table::new(shared::aws::dynamodb(&aws), &config.table),
        HttpProviders::new(AdapterClient::new(adapters, tokens)?),
        config,
    );
    shared::http::run(|request| app.handle(request)).await
}
