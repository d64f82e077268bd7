//! The `maps-api` Lambda function behind the HTTP API.

use maps::adapters::DistanceMatrix;
use maps::config::MapsConfig;
use maps::handler::App;
use shared::registry::Registry;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("maps").await;
    let config = MapsConfig::from_env(&env)?;
    let app = App {
        store: Table::from_config(&aws, &config.table),
        routes: DistanceMatrix::new(config.google.clone())?,
        registry: Registry::new(config.registry.clone())?,
        config,
    };
    shared::http::run(|request| app.handle(request)).await
}
