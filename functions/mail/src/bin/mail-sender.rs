//! The `mail-sender` Lambda function, triggered by the `mail` queue with partial batch
//! failures.
// The sending future nests deeply (SDK and HTTP calls inside the per-record loop).
#![recursion_limit = "256"]

use mail::adapters::MailgunClient;
use mail::config::MailConfig;
use mail::handler::App;
use shared::messages::SendMail;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    shared::telemetry::init("mail");
    let config = MailConfig::from_env(&shared::config::env())?;
    let aws = shared::aws::load().await;
    let table = Table::new(shared::aws::dynamodb(&aws), &config.table);
    let app = App::new(
        table.claims(config.lease),
        MailgunClient::new(config.mailgun)?,
    );
    shared::sqs::run(|message: SendMail, _| app.handle(message)).await
}
