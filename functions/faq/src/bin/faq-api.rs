//! The `faq-api` Lambda function behind the HTTP API.

use faq::config::FaqConfig;
use faq::handler::App;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("faq");
    let config = FaqConfig::from_env(&shared::config::env())?;
    let aws = shared::aws::load().await;
    let app = App::new(
        Table::new(shared::aws::dynamodb(&aws), &config.table),
        config,
    );
    shared::http::run(|request| app.handle(request)).await
}
