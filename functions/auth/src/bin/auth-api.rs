//! The `auth-api` Lambda function behind the HTTP API.

use auth::adapters::DynamoStore;
use auth::config::AuthConfig;
use auth::handler::App;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("auth").await;
    let config = AuthConfig::from_env(&env)?;
    let app = App {
        store: DynamoStore::new(Table::from_config(&aws, &config.table)),
        config,
    };
    shared::http::run(|request| app.handle(request)).await
}
