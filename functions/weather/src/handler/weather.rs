//! The current weather at an operator: from the table while fresh, else from OpenWeatherMap,
//! else the last report kept, marked stale.

use super::App;
use crate::domain::{Lang, WeatherKey, WeatherView};
use crate::error::WeatherFailure;
use crate::ports::{Weather, WeatherStore};
use http::StatusCode;
use shared::http::{Body, Request, Response, json, optional_query, path_param};

type Answer = Result<Response<Body>, WeatherFailure>;

impl<S: WeatherStore + Sync, P: Weather + Sync> App<S, P> {
    /// `GET /weather/{operator_id}?lang=de|en`.
    pub(super) async fn current(&self, request: &Request) -> Answer {
        let operator_id = path_param(request, "operator_id")?;
        let lang = Lang::parse(optional_query(request, "lang"))?;
        let operator = self.registry.active(&operator_id).await?;
        let key = WeatherKey {
            operator_id: operator.id.clone(),
            location: operator.location,
            lang,
        };
        let fetch = self.provider.current(operator.location, lang);
        let (fetched, stale) = self
            .store
            .read_through(&key, &self.config.cache, fetch)
            .await?
            .answer("OpenWeatherMap", "weather_unavailable")?;
        let view = WeatherView::new(&operator.id, &fetched.value, fetched.fetched_at, stale);
        Ok(json(StatusCode::OK, &view))
    }
}
