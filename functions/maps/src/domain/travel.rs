//! A trip to an operator: where from (rounded), how, and what the route search found.

use super::{Invalid, Location};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// How the customer travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Driving,
    Transit,
}

impl Mode {
    /// `driving` (also when none is asked for) or `transit`.
    pub fn parse(raw: Option<&str>) -> Result<Self, Invalid> {
        match raw.map(str::trim) {
            None | Some("") | Some("driving") => Ok(Self::Driving),
            Some("transit") => Ok(Self::Transit),
            Some(_) => Err(Invalid::new("mode", "must be driving or transit")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Driving => "driving",
            Self::Transit => "transit",
        }
    }
}

/// Where the customer starts, rounded to two decimals (about 1 km), in hundredths of a degree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Origin {
    lat_centi: i32,
    lng_centi: i32,
}

impl Origin {
    /// `<lat>,<lng>` in degrees, within ±90 and ±180.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let invalid = || Invalid::new("from", "must be <lat>,<lng> in degrees, e.g. 47.26,11.39");
        let (lat, lng) = raw.split_once(',').ok_or_else(invalid)?;
        let degrees = |text: &str, limit: f64| {
            let text = text.trim();
            let plain = !text.is_empty()
                && text.len() <= 20
                && text
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
            plain
                .then(|| text.parse::<f64>().ok())
                .flatten()
                .filter(|value| value.is_finite() && value.abs() <= limit)
        };
        match (degrees(lat, 90.0), degrees(lng, 180.0)) {
            (Some(lat), Some(lng)) => Ok(Self {
                lat_centi: (lat * 100.0).round() as i32,
                lng_centi: (lng * 100.0).round() as i32,
            }),
            (None, _) if degrees(lat, f64::MAX).is_some() => {
                Err(Invalid::new("from", "has a latitude beyond ±90 degrees"))
            }
            (Some(_), None) if degrees(lng, f64::MAX).is_some() => {
                Err(Invalid::new("from", "has a longitude beyond ±180 degrees"))
            }
            _ => Err(invalid()),
        }
    }

    pub fn location(self) -> Location {
        Location {
            lat: f64::from(self.lat_centi) / 100.0,
            lng: f64::from(self.lng_centi) / 100.0,
        }
    }

    /// `47.27,11.39`, as Google and the cache key take it.
    pub fn as_text(self) -> String {
        let Location { lat, lng } = self.location();
        format!("{lat:.2},{lng:.2}")
    }
}

/// What the route search found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Travel {
    Route {
        distance_m: u64,
        duration_s: u64,
        duration_in_traffic_s: Option<u64>,
    },
    /// No way there by this mode (Google's element status, such as `ZERO_RESULTS`).
    NoRoute { status: String },
}

/// What one kept travel time stands for: an operator at its place, a mode and an origin.
#[derive(Debug, Clone, PartialEq)]
pub struct TravelKey {
    pub operator_id: String,
    pub destination: Location,
    pub mode: Mode,
    pub from: Origin,
}

/// The answer for a route found.
#[derive(Debug, Serialize)]
pub struct TravelView<'a> {
    pub operator_id: &'a str,
    pub from: Location,
    pub mode: Mode,
    pub distance_m: u64,
    pub duration_s: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_in_traffic_s: Option<u64>,
    #[serde(with = "time::serde::rfc3339")]
    pub fetched_at: OffsetDateTime,
    pub stale: bool,
}

/// A link that opens Google Maps at `location`.
pub fn google_maps_link(location: Location) -> String {
    format!(
        "https://www.google.com/maps/search/?api=1&query={}%2C{}",
        location.lat, location.lng
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_is_rounded_to_about_a_kilometre() {
        let a = Origin::parse("47.2654,11.3927").unwrap();
        let b = Origin::parse(" 47.2712 , 11.3899 ").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.as_text(), "47.27,11.39");
    }

    #[test]
    fn malformed_and_out_of_range_origins_are_refused_with_the_reason() {
        for raw in [
            "",
            "47.26",
            "47.26;11.39",
            "abc,11.39",
            "47.26,11.39,3",
            "NaN,1",
            "1e2,3",
            "inf,1",
        ] {
            assert!(Origin::parse(raw).is_err(), "{raw:?}");
        }
        assert!(
            Origin::parse("91,11")
                .unwrap_err()
                .reason
                .contains("latitude")
        );
        assert!(
            Origin::parse("47,181")
                .unwrap_err()
                .reason
                .contains("longitude")
        );
    }

    #[test]
    fn the_mode_is_driving_or_transit() {
        assert_eq!(Mode::parse(None), Ok(Mode::Driving));
        assert_eq!(Mode::parse(Some("transit")), Ok(Mode::Transit));
        assert!(Mode::parse(Some("walking")).is_err());
    }
}
