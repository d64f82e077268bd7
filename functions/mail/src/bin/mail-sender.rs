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
    let (env, aws) = shared::start("mail").await;
    let config = MailConfig::from_env(&env)?;
    let table = Table::from_config(&aws, &config.table);
    let app = App {
        claims: table.claims(config.lease),
        mailer: MailgunClient::new(config.mailgun)?,
    };
    shared::sqs::run(|message: SendMail, _| app.handle(message)).await
}
