//! The mail function's `App` as deployed, built from the environment and AWS.

use super::MailgunClient;
use crate::config::MailConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::table::Table;

/// The mail `App` on Mailgun, its claims in its table.
pub type Deployed = App<MailgunClient>;

/// Builds the `App` that `mail-sender` runs.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let config = MailConfig::from_env(env)?;
    Ok(App {
        claims: Table::from_config(aws, &config.table).claims(config.lease),
        mailer: MailgunClient::new(config.mailgun)?,
    })
}
