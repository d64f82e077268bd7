//! OpenWeatherMap: `GET /openweathermap/data/2.5/weather?lat&lon&appid&units&lang`, the current
//! weather in the real response shape, derived from the coordinates alone.

use crate::derive;
use crate::state::Sandbox;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new().route("/openweathermap/data/2.5/weather", get(weather))
}

#[derive(Deserialize)]
struct Params {
    lat: Option<String>,
    lon: Option<String>,
    appid: Option<String>,
    units: Option<String>,
    lang: Option<String>,
}

/// One kind of weather as OpenWeatherMap names it.
struct Condition {
    id: u16,
    main: &'static str,
    english: &'static str,
    german: &'static str,
    icon: &'static str,
    /// `snow` or `rain`, reported in that field when it applies.
    precipitation: Option<&'static str>,
}

const fn condition(
    id: u16,
    main: &'static str,
    english: &'static str,
    german: &'static str,
    icon: &'static str,
    precipitation: Option<&'static str>,
) -> Condition {
    Condition {
        id,
        main,
        english,
        german,
        icon,
        precipitation,
    }
}

/// The conditions the sandbox reports.
const CONDITIONS: [Condition; 7] = [
    condition(800, "Clear", "clear sky", "Klarer Himmel", "01d", None),
    condition(801, "Clouds", "few clouds", "Ein paar Wolken", "02d", None),
    condition(
        803,
        "Clouds",
        "broken clouds",
        "Überwiegend bewölkt",
        "04d",
        None,
    ),
    condition(741, "Fog", "fog", "Nebel", "50d", None),
    condition(
        600,
        "Snow",
        "light snow",
        "Mäßiger Schnee",
        "13d",
        Some("snow"),
    ),
    condition(601, "Snow", "snow", "Schnee", "13d", Some("snow")),
    condition(
        500,
        "Rain",
        "light rain",
        "Leichter Regen",
        "10d",
        Some("rain"),
    ),
];

async fn weather(State(sandbox): State<Sandbox>, Query(params): Query<Params>) -> Response {
    if params.appid.as_deref() != Some(sandbox.settings().openweathermap_key.as_str()) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({
                "cod": 401,
                "message": "Invalid API key. Please see https://openweathermap.org/faq#error401 for more info."
            })),
        )
            .into_response();
    }
    let (lat, lon) = match (params.lat.as_deref(), params.lon.as_deref()) {
        (None, _) | (_, None) => return bad_request("Nothing to geocode"),
        (Some(lat), Some(lon)) => match (coordinate(lat, 90.0), coordinate(lon, 180.0)) {
            (None, _) => return bad_request("wrong latitude"),
            (_, None) => return bad_request("wrong longitude"),
            (Some(lat), Some(lon)) => (lat, lon),
        },
    };
    let units = params.units.as_deref().unwrap_or("standard");
    let german = params
        .lang
        .as_deref()
        .is_some_and(|lang| lang.eq_ignore_ascii_case("de"));
    Json(report(lat, lon, units, german)).into_response()
}

/// A number within `-limit..=limit`.
fn coordinate(raw: &str, limit: f64) -> Option<f64> {
    raw.trim()
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite() && value.abs() <= limit)
}

/// The weather at (`lat`, `lon`): a temperature falling with latitude, conditions and wind
/// chosen by a hash of the rounded coordinates.
fn report(lat: f64, lon: f64, units: &str, german: bool) -> Value {
    let place = format!("{lat:.4},{lon:.4}");
    let pick = |what: &str| derive::fraction(&["owm", what, &place]);
    let celsius = 28.0 - 0.55 * lat.abs() + 16.0 * pick("temp") - 8.0;
    let precipitating = celsius <= 1.0;
    let candidates: Vec<_> = CONDITIONS
        .iter()
        .filter(|c| match c.precipitation {
            Some("snow") => precipitating,
            Some(_) => !precipitating,
            None => true,
        })
        .collect();
    let index = (pick("sky") * candidates.len() as f64) as usize;
    let sky = candidates[index.min(candidates.len() - 1)];
    let main = sky.main;
    let wind_ms = 0.5 + 11.5 * pick("wind");
    let (temperature, wind): (fn(f64) -> f64, f64) = match units {
        "metric" => (|c: f64| c, wind_ms),
        "imperial" => (|c: f64| c * 9.0 / 5.0 + 32.0, wind_ms * 2.236_936),
        _ => (|c: f64| c + 273.15, wind_ms),
    };
    let round = |value: f64| (value * 100.0).round() / 100.0;
    let feels_like = celsius - wind_ms * 0.7;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut body = json!({
        "coord": { "lon": (lon * 1e4).round() / 1e4, "lat": (lat * 1e4).round() / 1e4 },
        "weather": [{
            "id": sky.id, "main": main, "icon": sky.icon,
            "description": if german { sky.german } else { sky.english },
        }],
        "base": "stations",
        "main": {
            "temp": round(temperature(celsius)),
            "feels_like": round(temperature(feels_like)),
            "temp_min": round(temperature(celsius - 1.5)),
            "temp_max": round(temperature(celsius + 1.5)),
            "pressure": 990 + (pick("pressure") * 45.0) as i64,
            "humidity": 40 + (pick("humidity") * 58.0) as i64,
        },
        "visibility": if main == "Fog" { 800 } else { 10000 },
        "wind": { "speed": round(wind), "deg": (pick("deg") * 360.0) as i64 },
        "clouds": { "all": if main == "Clear" { 0 } else { 20 + (pick("clouds") * 80.0) as i64 } },
        "dt": now - now % 600,
        "sys": { "country": "" },
        "timezone": ((lon / 15.0).round() as i64) * 3600,
        "id": derive::number(&["owm-id", &place], 9_000_000) + 1_000_000,
        "name": format!("Sandbox {lat:.2},{lon:.2}"),
        "cod": 200,
    });
    if let (Some(kind), Some(object)) = (sky.precipitation, body.as_object_mut()) {
        object.insert(
            kind.into(),
            json!({ "1h": round(0.2 + 2.8 * pick("amount")) }),
        );
    }
    body
}

fn bad_request(message: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({ "cod": "400", "message": message })),
    )
        .into_response()
}
