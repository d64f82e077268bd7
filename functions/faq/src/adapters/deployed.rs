//! The faq function's `App` as deployed, built from the environment and AWS.

use crate::config::FaqConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::table::Table;

/// The faq `App` on its table.
pub type Deployed = App<Table>;

/// Builds the `App` that `faq-api` runs.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let config = FaqConfig::from_env(env)?;
    let store = Table::from_config(aws, &config.table);
    Ok(App { store, config })
}
