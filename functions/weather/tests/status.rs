//! `GET /weather/status` checks the table and OpenWeatherMap.

mod common;

use common::{Service, owm_answer};
use shared::testing::function::{self, Answer};
use wiremock::ResponseTemplate;

async fn status(service: &Service) -> Answer {
    function::status(|r| service.app.handle(r), "weather").await
}

#[tokio::test]
async fn the_status_is_ok_while_the_table_and_openweathermap_answer_and_503_when_not() {
    let service = Service::start(&[]).await;
    let refused = wiremock::Mock::given(wiremock::matchers::path(common::OWM_PATH))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1);
    refused.mount(&service.stub).await;
    let down = status(&service).await;
    down.assert_status(503);
    assert_eq!(down.body["checks"]["table"]["ok"], true);
    assert_eq!(down.body["checks"]["openweathermap"]["ok"], false);
    service
        .openweathermap(ResponseTemplate::new(200).set_body_json(owm_answer(1.0)))
        .await;
    let up = status(&service).await;
    up.assert_status(200);
    assert_eq!(up.body["service"], "weather");
}
