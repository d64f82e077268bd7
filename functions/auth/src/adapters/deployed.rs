//! The auth function's `App` as deployed, built from the environment and AWS.

use super::DynamoStore;
use crate::config::AuthConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::table::Table;

/// The auth `App` on its table.
pub type Deployed = App<DynamoStore>;

/// Builds the `App` that `auth-api` runs.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let config = AuthConfig::from_env(env)?;
    let store = DynamoStore::new(Table::from_config(aws, &config.table));
    Ok(App { store, config })
}
