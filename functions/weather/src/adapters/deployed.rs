//! The weather function's `App` as deployed, built from the environment and AWS.

use super::OpenWeatherMap;
use crate::config::WeatherConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::registry::Registry;
use shared::table::Table;

/// The weather `App` on its table, OpenWeatherMap and the operator registry.
pub type Deployed = App<Table, OpenWeatherMap>;

/// Builds the `App` that `weather-api` runs.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let config = WeatherConfig::from_env(env)?;
    Ok(App {
        store: Table::from_config(aws, &config.table),
        provider: OpenWeatherMap::new(config.openweathermap.clone())?,
        registry: Registry::new(config.registry.clone())?,
        config,
    })
}
