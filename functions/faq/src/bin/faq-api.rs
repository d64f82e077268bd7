//! The `faq-api` Lambda function behind the HTTP API.

use faq::config::FaqConfig;
use faq::handler::App;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("faq").await;
    let config = FaqConfig::from_env(&env)?;
    let app = App {
        store: Table::from_config(&aws, &config.table),
        config,
    };
    shared::http::run(|request| app.handle(request)).await
}
