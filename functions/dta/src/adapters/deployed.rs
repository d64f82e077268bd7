//! The dta function's `App` as deployed, built from the environment and AWS.

use super::SkidataClient;
use crate::config::DtaConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::table::Table;

/// The dta `App` on its table (bookings and their claims) and SkiData.
pub type Deployed = App<Table, SkidataClient>;

/// Builds the `App` that `dta-api` runs.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let (config, skidata) = DtaConfig::from_env(env)?;
    let store = Table::from_config(aws, &config.adapter.table);
    Ok(App {
        claims: store.claims(config.adapter.lease),
        store,
        skidata: SkidataClient::new(skidata)?,
        config,
    })
}
