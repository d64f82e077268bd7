//! The `auth-api` Lambda function behind the HTTP API.

use auth::adapters::DynamoStore;
use auth::config::AuthConfig;
use auth::handler::App;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("auth");
    let config = AuthConfig::from_env(&shared::config::env())?;
    let aws = shared::aws::load().await;
    let app = App::new(
        DynamoStore::new(Table::new(shared::aws::dynamodb(&aws), &config.table)),
        config,
    );
    shared::http::run(|request| app.handle(request)).await
}
