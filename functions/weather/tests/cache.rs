//! The weather is kept in the table per operator and language for ten minutes, compared with
//! the clock on every read; OpenWeatherMap is asked when nothing fresh is kept.

mod common;

use common::{Service, owm_answer};
use shared::expiring::{Entry, EntryKey};
use shared::table::Guard;
use time::OffsetDateTime;
use weather::domain::{Lang, Location, Report, WeatherKey};
use wiremock::ResponseTemplate;

fn now_ms() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// Keeps a report of `temp` °C for hochalm in `lang`, fetched `age_minutes` ago and fresh for
/// ten minutes after that.
async fn keep(service: &Service, lang: Lang, temp: f64, age_minutes: i64) {
    let key = WeatherKey {
        operator_id: "hochalm".into(),
        location: Location {
            lat: 47.2692,
            lng: 11.4041,
        },
        lang,
    };
    let fetched = now_ms() - age_minutes * 60_000;
    let entry = Entry {
        value: Some(Report {
            observed_at: fetched / 1000,
            temperature_c: temp,
            feels_like_c: temp,
            description: "kept".into(),
            icon: "01d".into(),
            wind_kmh: 0.0,
            snow_mm_1h: None,
            rain_mm_1h: None,
        }),
        fetched_at_ms: fetched,
        fresh_until_ms: fetched + 600_000,
        lease_until_ms: 0,
        failed: false,
        expires_at: fetched / 1000 + 86_400,
    };
    let stored = service
        .table
        .put(&key.entry_key(), &entry, Guard::Always)
        .await;
    assert!(stored.expect("keeping a report"));
}

#[tokio::test]
async fn a_second_read_within_ten_minutes_is_answered_from_the_table() {
    let service = Service::start(&[]).await;
    service
        .openweathermap(ResponseTemplate::new(200).set_body_json(owm_answer(-3.0)))
        .await;
    let first = service.weather("hochalm", "de").await;
    first.assert_status(200);
    let second = service.weather("hochalm", "de").await;
    assert_eq!(second.body, first.body);
    assert_eq!(service.owm_calls().await, 1);
    let body = &first.body;
    assert_eq!(body["operator_id"], "hochalm");
    assert_eq!(body["temperature_c"], -3.0);
    assert_eq!(body["feels_like_c"], -7.0);
    assert_eq!(body["description"], "leichter Schneefall");
    assert_eq!(body["icon"], "13d");
    assert_eq!(body["wind_kmh"], 12.6);
    assert_eq!(body["snow_mm_1h"], 0.4);
    assert!(body.get("rain_mm_1h").is_none());
    assert_eq!(body["observed_at"], "2026-11-27T10:10:00Z");
    assert_eq!(body["stale"], false);
    assert!(
        body["fetched_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
}

#[tokio::test]
async fn each_language_is_kept_apart() {
    let service = Service::start(&[]).await;
    service
        .openweathermap(ResponseTemplate::new(200).set_body_json(owm_answer(-3.0)))
        .await;
    service.weather("hochalm", "de").await.assert_status(200);
    service.weather("hochalm", "en").await.assert_status(200);
    assert_eq!(service.owm_calls().await, 2);
}

#[tokio::test]
async fn a_report_older_than_ten_minutes_is_fetched_anew() {
    let service = Service::start(&[]).await;
    keep(&service, Lang::De, 99.0, 11).await;
    service
        .openweathermap(ResponseTemplate::new(200).set_body_json(owm_answer(-3.0)))
        .await;
    let answer = service.weather("hochalm", "de").await;
    assert_eq!(answer.body["temperature_c"], -3.0, "{}", answer.body);
    assert_eq!(answer.body["stale"], false);
    assert_eq!(service.owm_calls().await, 1);
}

#[tokio::test]
async fn a_report_younger_than_ten_minutes_is_answered_as_kept() {
    let service = Service::start(&[]).await;
    keep(&service, Lang::En, 99.0, 9).await;
    let answer = service.weather("hochalm", "en").await;
    assert_eq!(answer.body["temperature_c"], 99.0, "{}", answer.body);
    assert_eq!(service.owm_calls().await, 0);
}

#[tokio::test]
async fn concurrent_misses_ask_openweathermap_once() {
    let service = Service::start(&[("OPENWEATHERMAP_TIMEOUT_MS", "2000")]).await;
    let slow = ResponseTemplate::new(200)
        .set_body_json(owm_answer(-3.0))
        .set_delay(std::time::Duration::from_millis(400));
    service.openweathermap(slow).await;
    let reads = (0..8).map(|_| service.weather("hochalm", "de"));
    let answers = futures_util::future::join_all(reads).await;
    for answer in &answers {
        answer.assert_status(200);
        assert_eq!(answer.body["temperature_c"], -3.0);
    }
    assert_eq!(service.owm_calls().await, 1);
}
