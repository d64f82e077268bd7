//! A weather report at a place, in one language, and how it is answered.

use super::{Invalid, Location};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The language of the description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// `de` or `en`; English when none is asked for.
    pub fn parse(raw: Option<&str>) -> Result<Self, Invalid> {
        match raw.map(str::trim) {
            None | Some("") => Ok(Self::En),
            Some(lang) if lang.eq_ignore_ascii_case("en") => Ok(Self::En),
            Some(lang) if lang.eq_ignore_ascii_case("de") => Ok(Self::De),
            Some(_) => Err(Invalid::new("lang", "must be de or en")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::De => "de",
            Self::En => "en",
        }
    }
}

/// The weather at a place as the provider observed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Unix seconds of the observation.
    pub observed_at: i64,
    pub temperature_c: f64,
    pub feels_like_c: f64,
    pub description: String,
    pub icon: String,
    pub wind_kmh: f64,
    pub snow_mm_1h: Option<f64>,
    pub rain_mm_1h: Option<f64>,
}

/// What one cached report stands for: an operator at its place, in a language. An operator
/// that moves gets a new entry.
#[derive(Debug, Clone, PartialEq)]
pub struct WeatherKey {
    pub operator_id: String,
    pub location: Location,
    pub lang: Lang,
}

/// The answer: a report of an operator, when it was fetched and whether it is stale.
#[derive(Debug, Serialize)]
pub struct WeatherView<'a> {
    pub operator_id: &'a str,
    #[serde(with = "time::serde::rfc3339")]
    pub observed_at: OffsetDateTime,
    pub temperature_c: f64,
    pub feels_like_c: f64,
    pub description: &'a str,
    pub icon: &'a str,
    pub wind_kmh: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snow_mm_1h: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rain_mm_1h: Option<f64>,
    #[serde(serialize_with = "rfc3339")]
    pub fetched_at: OffsetDateTime,
    pub stale: bool,
}

fn rfc3339<S: serde::Serializer>(at: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
    let whole = at.replace_nanosecond(0).unwrap_or(*at);
    serializer.serialize_str(&whole.format(&Rfc3339).map_err(serde::ser::Error::custom)?)
}

impl<'a> WeatherView<'a> {
    pub fn new(
        operator_id: &'a str,
        report: &'a Report,
        fetched_at: OffsetDateTime,
        stale: bool,
    ) -> Self {
        Self {
            operator_id,
            observed_at: OffsetDateTime::from_unix_timestamp(report.observed_at)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH),
            temperature_c: report.temperature_c,
            feels_like_c: report.feels_like_c,
            description: &report.description,
            icon: &report.icon,
            wind_kmh: report.wind_kmh,
            snow_mm_1h: report.snow_mm_1h,
            rain_mm_1h: report.rain_mm_1h,
            fetched_at,
            stale,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_de_or_en_and_english_when_none_is_asked_for() {
        assert_eq!(Lang::parse(None), Ok(Lang::En));
        assert_eq!(Lang::parse(Some("DE")), Ok(Lang::De));
        assert!(Lang::parse(Some("fr")).is_err());
    }

    #[test]
    fn the_answer_writes_times_in_rfc3339_and_leaves_out_missing_precipitation() {
        let report = Report {
            observed_at: 1_795_774_200,
            temperature_c: -3.5,
            feels_like_c: -7.0,
            description: "light snow".into(),
            icon: "13d".into(),
            wind_kmh: 12.6,
            snow_mm_1h: Some(0.4),
            rain_mm_1h: None,
        };
        let fetched = OffsetDateTime::from_unix_timestamp(1_795_774_321).unwrap();
        let json =
            serde_json::to_value(WeatherView::new("hochalm", &report, fetched, false)).unwrap();
        assert_eq!(json["observed_at"], "2026-11-27T10:10:00Z");
        assert_eq!(json["fetched_at"], "2026-11-27T10:12:01Z");
        assert_eq!(json["snow_mm_1h"], 0.4);
        assert!(json.get("rain_mm_1h").is_none());
    }
}
