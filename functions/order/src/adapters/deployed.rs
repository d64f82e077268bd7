//! The order functions' `App` as deployed, built from the environment and AWS.

use super::{ApiClient, InvoiceBucket};
use crate::config::OrderConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::outbound::{Outbound, OutboundConfig};
use shared::service_token::ServiceTokens;
use shared::table::Table;

/// The order `App` on its table, invoice bucket and the other services.
pub type Deployed = App<Table, InvoiceBucket, ApiClient>;

/// Builds the `App` of `order-api`; the processor adds the mail queue (`processor`), so that
/// the API function's code and permissions hold no queue.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let (config, api) = OrderConfig::from_env(env)?;
    let tokens = ServiceTokens::from_env(env, Outbound::new(OutboundConfig::default())?)?;
    let table = Table::from_config(aws, &config.table);
    let claims = table.claims(config.lease);
    let invoices = InvoiceBucket::new(shared::aws::s3(aws), &config.invoice_bucket);
    let services = ApiClient::new(api, tokens)?;
    Ok(App {
        store: table,
        claims,
        invoices,
        services,
        config,
    })
}
