//! The keycards functions' `App` as deployed, built from the environment and AWS.

use super::{MailNotifier, SupplierClient};
use crate::config::KeycardsConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::outbound::{Outbound, OutboundConfig};
use shared::queue::Queue;
use shared::service_token::ServiceTokens;
use shared::table::Table;

/// The keycards `App` on its table, the card supplier and the mail queue.
pub type Deployed = App<Table, SupplierClient, MailNotifier>;

/// Builds the `App` that both keycards functions run.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let config = KeycardsConfig::from_env(env)?;
    let outbound = Outbound::new(OutboundConfig::default())?;
    let tokens = ServiceTokens::from_env(env, outbound.clone())?;
    let table = Table::from_config(aws, &config.table);
    let mail = Queue::new(shared::aws::sqs(aws), &config.mail_queue_url);
    let notifier = MailNotifier::new(tokens, outbound, mail, &config.api_base_url);
    let supplier = SupplierClient::new(config.supplier.clone())?;
    Ok(App {
        store: table,
        supplier,
        notifier,
        config,
    })
}
