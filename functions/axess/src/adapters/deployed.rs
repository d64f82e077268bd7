//! The axess function's `App` as deployed, built from the environment and AWS; its Axess
//! sessions live as long as the container.

use super::AxessClient;
use crate::config::AxessConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::table::Table;

/// The axess `App` on its table (bookings and their claims) and Axess.
pub type Deployed = App<Table, AxessClient>;

/// Builds the `App` that `axess-api` runs.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let (config, axess) = AxessConfig::from_env(env)?;
    let store = Table::from_config(aws, &config.adapter.table);
    Ok(App {
        claims: store.claims(config.adapter.lease),
        store,
        axess: AxessClient::new(axess)?,
        config,
    })
}
