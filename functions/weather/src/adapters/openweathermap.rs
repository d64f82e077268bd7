//! OpenWeatherMap's current weather over HTTP: `GET /data/2.5/weather?lat&lon&appid&units=metric&lang`,
//! with bounded answers, reads retried by `shared::outbound`, and the answer checked.

use crate::domain::{Lang, Location, Report};
use crate::ports::{ProviderError, Weather};
use serde::Deserialize;
use shared::outbound::{Remote, Repeat};
use shared::provider::{KeyedApi, Secret, excerpt, exchange_success};
use std::fmt;

/// The largest answer read.
const MAX_ANSWER_BYTES: usize = 64 * 1024;
/// Where the status check asks for the weather.
const CHECK_PLACE: Location = Location {
    lat: 47.2692,
    lng: 11.4041,
};

/// The OpenWeatherMap client; built once in `main`.
pub struct OpenWeatherMap {
    openweathermap: Remote,
    api_key: Secret,
}

#[derive(Deserialize)]
struct Answer {
    weather: Vec<Sky>,
    main: Main,
    wind: Wind,
    #[serde(default)]
    snow: Option<Hourly>,
    #[serde(default)]
    rain: Option<Hourly>,
    dt: i64,
}

#[derive(Deserialize)]
struct Sky {
    description: String,
    icon: String,
}

#[derive(Deserialize)]
struct Main {
    temp: f64,
    feels_like: f64,
}

#[derive(Deserialize)]
struct Wind {
    speed: f64,
}

#[derive(Deserialize)]
struct Hourly {
    #[serde(rename = "1h")]
    one_hour: Option<f64>,
}

fn malformed(detail: impl fmt::Display) -> ProviderError {
    ProviderError::Malformed(detail.to_string())
}

fn round(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}

impl Answer {
    fn into_report(self) -> Result<Report, ProviderError> {
        let sky = self
            .weather
            .into_iter()
            .next()
            .ok_or_else(|| malformed("the answer names no weather"))?;
        let icon_ok = (1..=8).contains(&sky.icon.len())
            && sky.icon.bytes().all(|b| b.is_ascii_alphanumeric());
        let numbers = [self.main.temp, self.main.feels_like, self.wind.speed];
        if !icon_ok || numbers.iter().any(|n| !n.is_finite()) {
            return Err(malformed("the answer's icon or numbers are not usable"));
        }
        Ok(Report {
            observed_at: self.dt,
            temperature_c: round(self.main.temp, 1),
            feels_like_c: round(self.main.feels_like, 1),
            description: excerpt(sky.description.as_bytes()),
            icon: sky.icon,
            wind_kmh: round(self.wind.speed * 3.6, 1),
            snow_mm_1h: self.snow.and_then(|s| s.one_hour),
            rain_mm_1h: self.rain.and_then(|r| r.one_hour),
        })
    }
}

impl OpenWeatherMap {
    pub fn new(config: KeyedApi) -> Result<Self, reqwest::Error> {
        Ok(Self {
            openweathermap: Remote::new(config.endpoint)?,
            api_key: config.api_key,
        })
    }
}

impl Weather for OpenWeatherMap {
    async fn current(&self, at: Location, lang: Lang) -> Result<Report, ProviderError> {
        let owm = &self.openweathermap;
        let request = owm
            .outbound
            .client()
            .get(owm.url("/data/2.5/weather"))
            .query(&[
                ("lat", at.lat.to_string()),
                ("lon", at.lng.to_string()),
                ("appid", self.api_key.expose().to_owned()),
                ("units", "metric".to_owned()),
                ("lang", lang.as_str().to_owned()),
            ]);
        let body =
            exchange_success(&owm.outbound, request, Repeat::ByMethod, MAX_ANSWER_BYTES).await?;
        serde_json::from_slice::<Answer>(&body)
            .map_err(malformed)?
            .into_report()
    }

    async fn check(&self) -> Result<(), String> {
        self.current(CHECK_PLACE, Lang::En)
            .await
            .map(|_| ())
            .map_err(|err| format!("OpenWeatherMap {err}"))
    }
}
