//! Google Distance Matrix: `GET /google/maps/api/distancematrix/json`, distances and durations
//! between `lat,lng` places: the great-circle distance times a road factor, at a mode's speed.

use crate::derive;
use crate::state::Sandbox;
use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new().route("/google/maps/api/distancematrix/json", get(matrix))
}

#[derive(Deserialize)]
struct Params {
    origins: Option<String>,
    destinations: Option<String>,
    mode: Option<String>,
    departure_time: Option<String>,
    units: Option<String>,
    key: Option<String>,
}

/// Beyond this straight-line distance there is no road (oceans): `ZERO_RESULTS`.
const MAX_ROUTE_METERS: f64 = 4_000_000.0;

async fn matrix(State(sandbox): State<Sandbox>, Query(params): Query<Params>) -> Json<Value> {
    match params.key.as_deref() {
        None | Some("") => {
            return denied(
                "You must use an API key to authenticate each request to Google Maps Platform APIs.",
            );
        }
        Some(key) if key != sandbox.settings().google_key => {
            return denied("The provided API key is invalid. ");
        }
        Some(_) => {}
    }
    let split = |list: &Option<String>| -> Vec<String> {
        list.as_deref()
            .unwrap_or_default()
            .split('|')
            .map(|place| place.trim().to_owned())
            .filter(|place| !place.is_empty())
            .collect()
    };
    let (origins, destinations) = (split(&params.origins), split(&params.destinations));
    if origins.is_empty() || destinations.is_empty() {
        return status_only("INVALID_REQUEST", "origins and destinations are required");
    }
    if origins.len() > 25 || destinations.len() > 25 {
        return status_only(
            "MAX_DIMENSIONS_EXCEEDED",
            "at most 25 origins and 25 destinations",
        );
    }
    if origins.len() * destinations.len() > 100 {
        return status_only("MAX_ELEMENTS_EXCEEDED", "at most 100 elements per request");
    }
    let mode = params.mode.as_deref().unwrap_or("driving");
    let Some((road_factor, km_per_hour)) = speed(mode) else {
        return status_only(
            "INVALID_REQUEST",
            "mode is driving, walking, bicycling or transit",
        );
    };
    let departure = params.departure_time.as_deref();
    if departure.is_some_and(|d| d != "now" && d.parse::<u64>().is_err()) {
        return status_only(
            "INVALID_REQUEST",
            "departure_time is now or seconds since the epoch",
        );
    }
    let traffic = mode == "driving" && departure.is_some();
    let imperial = params.units.as_deref() == Some("imperial");
    let rows: Vec<Value> = origins
        .iter()
        .map(|origin| {
            let elements: Vec<Value> = destinations
                .iter()
                .map(|destination| {
                    let (Some(from), Some(to)) = (place(origin), place(destination)) else {
                        return json!({ "status": "NOT_FOUND" });
                    };
                    let straight = haversine_meters(from, to);
                    if straight > MAX_ROUTE_METERS {
                        return json!({ "status": "ZERO_RESULTS" });
                    }
                    let meters = (straight * road_factor).round();
                    let seconds = (meters / (km_per_hour / 3.6)).round();
                    let mut element = json!({
                        "status": "OK",
                        "distance": { "text": distance_text(meters, imperial), "value": meters as u64 },
                        "duration": { "text": duration_text(seconds), "value": seconds as u64 },
                    });
                    if let (true, Some(object)) = (traffic, element.as_object_mut()) {
                        let slowdown = 1.0 + 0.25 * derive::fraction(&["traffic", origin, destination]);
                        let in_traffic = (seconds * slowdown).round();
                        object.insert(
                            "duration_in_traffic".into(),
                            json!({ "text": duration_text(in_traffic), "value": in_traffic as u64 }),
                        );
                    }
                    element
                })
                .collect();
            json!({ "elements": elements })
        })
        .collect();
    let addresses = |places: &[String]| -> Vec<String> {
        places
            .iter()
            .map(|p| place(p).map(|_| p.clone()).unwrap_or_default())
            .collect()
    };
    Json(json!({
        "destination_addresses": addresses(&destinations),
        "origin_addresses": addresses(&origins),
        "rows": rows,
        "status": "OK",
    }))
}

/// (road factor, km/h) of a travel mode.
fn speed(mode: &str) -> Option<(f64, f64)> {
    match mode {
        "driving" => Some((1.3, 70.0)),
        "transit" => Some((1.3, 45.0)),
        "bicycling" => Some((1.25, 15.0)),
        "walking" => Some((1.2, 5.0)),
        _ => None,
    }
}

/// `"47.26,11.39"` → (lat, lng); addresses and place ids are not known to the sandbox.
fn place(text: &str) -> Option<(f64, f64)> {
    let (lat, lng) = text.split_once(',')?;
    let (lat, lng) = (
        lat.trim().parse::<f64>().ok()?,
        lng.trim().parse::<f64>().ok()?,
    );
    (lat.abs() <= 90.0 && lng.abs() <= 180.0).then_some((lat, lng))
}

fn haversine_meters((lat1, lng1): (f64, f64), (lat2, lng2): (f64, f64)) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let (dphi, dlambda) = ((lat2 - lat1).to_radians(), (lng2 - lng1).to_radians());
    let a = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * 6_371_000.0 * a.sqrt().atan2((1.0 - a).sqrt())
}

/// `850 m`, `12.4 km`, `1,234 km` (or `ft` / `mi`).
fn distance_text(meters: f64, imperial: bool) -> String {
    let (small, large, unit_small, unit_large) = if imperial {
        (meters * 3.280_84, meters / 1609.344, "ft", "mi")
    } else {
        (meters, meters / 1000.0, "m", "km")
    };
    if large < 0.1 || (!imperial && meters < 1000.0) {
        format!("{} {unit_small}", small.round() as u64)
    } else if large < 100.0 {
        format!("{large:.1} {unit_large}")
    } else {
        format!("{} {unit_large}", thousands(large.round() as u64))
    }
}

fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 min`, `25 mins`, `1 hour 5 mins`, `2 days 3 hours`.
fn duration_text(seconds: f64) -> String {
    let minutes = ((seconds / 60.0).round() as u64).max(1);
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours) {
        (0, 0) => plural(mins, "min"),
        (0, _) if mins == 0 => plural(hours, "hour"),
        (0, _) => format!("{} {}", plural(hours, "hour"), plural(mins, "min")),
        (_, 0) => plural(days, "day"),
        _ => format!("{} {}", plural(days, "day"), plural(hours, "hour")),
    }
}

fn denied(message: &str) -> Json<Value> {
    status_only("REQUEST_DENIED", message)
}

fn status_only(status: &str, message: &str) -> Json<Value> {
    Json(json!({
        "destination_addresses": [], "origin_addresses": [], "rows": [],
        "status": status, "error_message": message,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_as_google_writes_them() {
        assert_eq!(duration_text(20.0), "1 min");
        assert_eq!(duration_text(1500.0), "25 mins");
        assert_eq!(duration_text(3900.0), "1 hour 5 mins");
        assert_eq!(duration_text(7200.0), "2 hours");
        assert_eq!(duration_text(97_200.0), "1 day 3 hours");
        assert_eq!(distance_text(850.0, false), "850 m");
        assert_eq!(distance_text(12_430.0, false), "12.4 km");
        assert_eq!(distance_text(1_234_400.0, false), "1,234 km");
        assert_eq!(distance_text(16_093.44, true), "10.0 mi");
    }

    #[test]
    fn the_great_circle_distance_matches_a_known_one() {
        // Innsbruck to Vienna is about 386 km as the crow flies.
        let meters = haversine_meters((47.2692, 11.4041), (48.2082, 16.3738));
        assert!((meters - 385_943.0).abs() < 100.0, "{meters}");
    }
}
