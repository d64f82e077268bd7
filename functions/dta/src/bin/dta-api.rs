//! The `dta-api` Lambda function behind the HTTP API.

use dta::adapters::SkidataClient;
use dta::config::DtaConfig;
use dta::handler::App;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("dta");
    let (config, skidata) = DtaConfig::from_env(&shared::config::env())?;
    let aws = shared::aws::load().await;
    let table = Table::new(shared::aws::dynamodb(&aws), &config.table);
    let claims = table.claims(config.lease);
    let app = App::new(table, claims, SkidataClient::new(skidata)?, config);
    shared::http::run(|request| app.handle(request)).await
}
