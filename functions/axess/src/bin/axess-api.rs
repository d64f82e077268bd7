//! The `axess-api` Lambda function behind the HTTP API; its Axess sessions live as long as
//! the container.

use axess::adapters::AxessClient;
use axess::config::AxessConfig;
use axess::handler::App;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("axess").await;
    let (config, axess) = AxessConfig::from_env(&env)?;
    let table = Table::from_config(&aws, &config.table);
    let claims = table.claims(config.lease);
    let app = App {
        store: table,
        claims,
        axess: AxessClient::new(axess)?,
        config,
    };
    shared::http::run(|request| app.handle(request)).await
}
