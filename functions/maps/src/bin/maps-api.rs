//! The `maps-api` Lambda function behind the HTTP API.

use maps::adapters::DistanceMatrix;
use maps::config::MapsConfig;
use maps::handler::App;
use shared::registry::Registry;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("maps");
    let config = MapsConfig::from_env(&shared::config::env())?;
    let aws = shared::aws::load().await;
    let app = App::new(
        Table::new(shared::aws::dynamodb(&aws), &config.table),
        DistanceMatrix::new(config.google.clone())?,
        Registry::new(config.registry.clone())?,
        config,
    );
    shared::http::run(|request| app.handle(request)).await
}
