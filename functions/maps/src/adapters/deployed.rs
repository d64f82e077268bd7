//! The maps function's `App` as deployed, built from the environment and AWS.

use super::DistanceMatrix;
use crate::config::MapsConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::registry::Registry;
use shared::table::Table;

/// The maps `App` on its table, Google's Distance Matrix and the operator registry.
pub type Deployed = App<Table, DistanceMatrix>;

/// Builds the `App` that `maps-api` runs.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let config = MapsConfig::from_env(env)?;
    Ok(App {
        store: Table::from_config(aws, &config.table),
        routes: DistanceMatrix::new(config.google.clone())?,
        registry: Registry::new(config.registry.clone())?,
        config,
    })
}
