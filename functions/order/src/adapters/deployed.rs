//! The order functions' `App` as deployed, built from the environment and AWS.

use super::{ApiClient, InvoiceBucket};
use crate::config::OrderConfig;
use crate::handler::App;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::mail::Mailer;
use shared::outbound::{Outbound, OutboundConfig};
use shared::queue::Queue;
use shared::service_token::ServiceTokens;
use shared::table::Table;

/// The order `App` on its table, invoice bucket and the other services.
pub type Deployed = App<Table, InvoiceBucket, ApiClient>;

/// Builds the `App`; `with_mail` sends the customers' mails through the mail queue
/// (`MAIL_QUEUE_URL`), which only the processor does.
pub fn deployed(
    env: &Env,
    aws: &SdkConfig,
    with_mail: bool,
) -> Result<Deployed, Box<dyn std::error::Error + Send + Sync>> {
    let (config, api) = OrderConfig::from_env(env)?;
    let outbound = Outbound::new(OutboundConfig::default())?;
    let tokens = || ServiceTokens::from_env(env, outbound.clone());
    let table = Table::from_config(aws, &config.table);
    let claims = table.claims(config.lease);
    let invoices = InvoiceBucket::new(shared::aws::s3(aws), &config.invoice_bucket);
    let base_url = api.base_url.clone();
    let mut services = ApiClient::new(api, tokens()?)?;
    if with_mail {
        let queue = Queue::new(shared::aws::sqs(aws), env.required("MAIL_QUEUE_URL")?);
        let mailer = Mailer::new(tokens()?, outbound.clone(), queue, &base_url);
        services = services.with_mailer(mailer);
    }
    Ok(App::new(table, claims, invoices, services, config))
}
