//! The `axess-api` Lambda function behind the HTTP API; its Axess sessions live as long as
//! the container.

use axess::adapters::{AxessClient, DynamoStore};
use axess::config::AxessSettings;
use axess::handler::App;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("axess");
    let (settings, axess) = AxessSettings::from_env(&shared::config::env())?;
    let aws = shared::aws::load().await;
    let store = DynamoStore::new(shared::aws::dynamodb(&aws), &settings.table);
    let claims = store.claims(settings.lease);
    let app = App::new(AxessClient::new(axess)?, store, claims, settings);
    shared::http::run(|request| app.handle(request)).await
}
