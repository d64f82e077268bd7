//! The weather service: the current weather at each active lift operator, from
//! OpenWeatherMap, kept in the weather table per operator and language for
//! `WEATHER_FRESH_FOR_MS` (10 minutes) with the expiry compared on every read.
//!
//! | route | who | what |
//! |---|---|---|
//! | `GET /weather/{operator_id}?lang=de\|en` | anyone | `{operator_id, observed_at, temperature_c, feels_like_c, description, icon, wind_kmh, snow_mm_1h?, rain_mm_1h?, fetched_at, stale}`; 404 `not_found` for an operator the registry does not know as active |
//! | `GET /weather/status` | anyone | the table and OpenWeatherMap |
//!
//! The operator's name and place come from liftoperator's public `GET /liftoperators/{id}` at
//! `API_BASE_URL`. When OpenWeatherMap fails, the last value is answered with `stale: true`
//! (and OpenWeatherMap is asked again after `WEATHER_RETRY_AFTER_MS`); with nothing kept, 503
//! `weather_unavailable`. Concurrent misses of one entry ask OpenWeatherMap once
//! (`shared::expiring`). A registry that cannot be read is 503 `operator_registry_unavailable`.

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
