//! When OpenWeatherMap fails, the last report is answered as stale; with nothing kept, 503.
//! Unknown operators and languages are refused before anyone is asked.

mod common;

use common::{Service, owm_answer};
use std::time::Duration;
use wiremock::ResponseTemplate;

/// A service that kept hochalm's German report at -3 °C, already expired, so that the next
/// read asks OpenWeatherMap again.
async fn with_an_expired_report() -> Service {
    let service = Service::start(&[("WEATHER_FRESH_FOR_MS", "0")]).await;
    let once = wiremock::Mock::given(wiremock::matchers::path(common::OWM_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(owm_answer(-3.0)))
        .up_to_n_times(1);
    once.mount(&service.stub).await;
    let first = service.weather("hochalm", "de").await;
    assert_eq!(first.body["stale"], false, "{}", first.body);
    service
}

#[tokio::test]
async fn a_5xx_from_openweathermap_answers_the_last_report_as_stale() {
    let service = with_an_expired_report().await;
    service.openweathermap(ResponseTemplate::new(503)).await;
    let answer = service.weather("hochalm", "de").await;
    answer.assert_status(200);
    assert_eq!(answer.body["stale"], true);
    assert_eq!(answer.body["temperature_c"], -3.0);
}

#[tokio::test]
async fn an_openweathermap_timeout_answers_the_last_report_as_stale() {
    let service = with_an_expired_report().await;
    let slow = ResponseTemplate::new(200)
        .set_body_json(owm_answer(10.0))
        .set_delay(Duration::from_secs(2));
    service.openweathermap(slow).await;
    let answer = service.weather("hochalm", "de").await;
    answer.assert_status(200);
    assert_eq!(answer.body["stale"], true);
    assert_eq!(answer.body["temperature_c"], -3.0);
}

#[tokio::test]
async fn after_a_failure_openweathermap_is_left_alone_until_the_retry_interval_ends() {
    let service = with_an_expired_report().await;
    service.openweathermap(ResponseTemplate::new(500)).await;
    let calls_before = service.owm_calls().await;
    assert_eq!(service.weather("hochalm", "de").await.body["stale"], true);
    let calls_after_failure = service.owm_calls().await;
    assert!(calls_after_failure > calls_before);
    for _ in 0..3 {
        assert_eq!(service.weather("hochalm", "de").await.body["stale"], true);
    }
    assert_eq!(service.owm_calls().await, calls_after_failure);
}

#[tokio::test]
async fn with_nothing_kept_a_failing_openweathermap_is_a_503() {
    let service = Service::start(&[]).await;
    service.openweathermap(ResponseTemplate::new(502)).await;
    let answer = service.weather("hochalm", "en").await;
    answer.assert_error(503, "weather_unavailable");
}

#[tokio::test]
async fn a_malformed_answer_with_nothing_kept_is_a_503() {
    let service = Service::start(&[]).await;
    service
        .openweathermap(ResponseTemplate::new(200).set_body_string("{\"this is\": not"))
        .await;
    service
        .weather("hochalm", "en")
        .await
        .assert_error(503, "weather_unavailable");
}

#[tokio::test]
async fn an_unknown_operator_is_a_404_and_nobody_is_asked_for_weather() {
    let service = Service::start(&[]).await;
    service
        .openweathermap(ResponseTemplate::new(200).set_body_json(owm_answer(1.0)))
        .await;
    service
        .weather("nowhere", "de")
        .await
        .assert_error(404, "not_found");
    service
        .weather("Not An Id", "de")
        .await
        .assert_error(404, "not_found");
    assert_eq!(service.owm_calls().await, 0);
}

#[tokio::test]
async fn an_unknown_language_is_a_400() {
    let service = Service::start(&[]).await;
    let message = service
        .weather("hochalm", "fr")
        .await
        .assert_error(400, "invalid_input")
        .to_owned();
    assert!(message.contains("lang"), "{message}");
}
