//! The `weather-api` Lambda function behind the HTTP API.

use shared::registry::Registry;
use shared::table::Table;
use weather::adapters::OpenWeatherMap;
use weather::config::WeatherConfig;
use weather::handler::App;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("weather").await;
    let config = WeatherConfig::from_env(&env)?;
    let app = App {
        store: Table::from_config(&aws, &config.table),
        provider: OpenWeatherMap::new(config.openweathermap.clone())?,
        registry: Registry::new(config.registry.clone())?,
        config,
    };
    shared::http::run(|request| app.handle(request)).await
}
