//! The `dta-api` Lambda function behind the HTTP API.

use dta::adapters::SkidataClient;
use dta::config::DtaConfig;
use dta::handler::App;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("dta").await;
    let (config, skidata) = DtaConfig::from_env(&env)?;
    let table = Table::from_config(&aws, &config.table);
    let claims = table.claims(config.lease);
    let app = App {
        store: table,
        claims,
        skidata: SkidataClient::new(skidata)?,
        config,
    };
    shared::http::run(|request| app.handle(request)).await
}
