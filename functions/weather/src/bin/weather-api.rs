//! The `weather-api` Lambda function behind the HTTP API.

use shared::registry::Registry;
use shared::table::Table;
use weather::adapters::OpenWeatherMap;
use weather::config::WeatherConfig;
use weather::handler::App;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("weather");
    let config = WeatherConfig::from_env(&shared::config::env())?;
    let aws = shared::aws::load().await;
    let app = App::new(
        Table::new(shared::aws::dynamodb(&aws), &config.table),
        OpenWeatherMap::new(config.openweathermap.clone())?,
        Registry::new(config.registry.clone())?,
        config,
    );
    shared::http::run(|request| app.handle(request)).await
}
