//! The liftoperator function's `App` as deployed, built from the environment and AWS.

use super::{AdapterClient, HttpProviders};
use crate::config::LiftoperatorConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::outbound::{Outbound, OutboundConfig};
use shared::service_token::ServiceTokens;
use shared::table::Table;

/// The liftoperator `App` on its table and the provider adapters.
pub type Deployed = App<Table, HttpProviders>;

/// Builds the `App` that `liftoperator-api` runs.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let (config, adapters) = LiftoperatorConfig::from_env(env)?;
    let tokens = ServiceTokens::from_env(env, Outbound::new(OutboundConfig::default())?)?;
    Ok(App::new(
        Table::from_config(aws, &config.table),
        HttpProviders::new(AdapterClient::new(adapters, tokens)?),
        config,
    ))
}
