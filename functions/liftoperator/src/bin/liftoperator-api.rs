//! The `liftoperator-api` Lambda function behind the HTTP API.

use liftoperator::adapters::{AdapterClient, HttpProviders};
use liftoperator::config::LiftoperatorConfig;
use liftoperator::handler::App;
use shared::outbound::{Outbound, OutboundConfig};
use shared::service_token::ServiceTokens;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("liftoperator").await;
    let (config, adapters) = LiftoperatorConfig::from_env(&env)?;
    let tokens = ServiceTokens::from_env(&env, Outbound::new(OutboundConfig::default())?)?;
    let app = App::new(
        Table::from_config(&aws, &config.table),
        HttpProviders::new(AdapterClient::new(adapters, tokens)?),
        config,
    );
    shared::http::run(|request| app.handle(request)).await
}
