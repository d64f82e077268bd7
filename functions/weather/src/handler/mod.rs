//! HTTP routes of the weather function, dispatched on the API Gateway route key.

mod weather;

use crate::config::WeatherConfig;
use crate::error::WeatherFailure;
use crate::ports::{Weather, WeatherStore};
use shared::expiring::EntryStore;
use shared::http::{HandlerResult, Request, no_route, route_key};
use shared::registry::Registry;
use shared::status;

/// The weather function: its table, OpenWeatherMap, the operator registry and configuration,
/// built once in `main`.
pub struct App<S, P> {
    pub store: S,
    pub provider: P,
    pub registry: Registry,
    pub config: WeatherConfig,
}

impl<S: WeatherStore + Sync, P: Weather + Sync> App<S, P> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<WeatherFailure> {
        match route_key(&request) {
            "GET /weather/{operator_id}" => self.current(&request).await,
            "GET /weather/status" => {
                let checks = vec![
                    status::check("table", EntryStore::check(&self.store)),
                    status::check("openweathermap", self.provider.check()),
                ];
                Ok(status::report("weather", checks).await)
            }
            _ => Err(no_route(&request).into()),
        }
    }
}
