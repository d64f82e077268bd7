//! A fresh weather function per test: its own table in moto, and one wiremock server standing
//! in for both our API (liftoperator's registry) and OpenWeatherMap.
#![allow(dead_code)]

use serde_json::{Value, json};
use shared::table::Table;
use shared::testing::dynamo;
use shared::testing::function::{self, Answer, Settings};
use shared::testing::stubs::requests;
use weather::adapters::{Deployed, deployed};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const OWM_PATH: &str = "/data/2.5/weather";

pub struct Service {
    pub app: Deployed,
    pub table: Table,
    pub stub: MockServer,
}

/// OpenWeatherMap's answer with `temp` °C and light snow.
pub fn owm_answer(temp: f64) -> Value {
    json!({"coord": {"lon": 11.4041, "lat": 47.2692},
           "weather": [{"id": 600, "main": "Snow", "description": "leichter Schneefall", "icon": "13d"}],
           "base": "stations",
           "main": {"temp": temp, "feels_like": temp - 4.0, "temp_min": temp - 1.0, "temp_max": temp + 1.0, "pressure": 1012, "humidity": 80},
           "visibility": 10000, "wind": {"speed": 3.5, "deg": 200}, "snow": {"1h": 0.4},
           "clouds": {"all": 90}, "dt": 1_795_774_200, "sys": {"country": "AT"}, "timezone": 3600,
           "id": 2775220, "name": "Innsbruck", "cod": 200})
}

impl Service {
    /// The function with `settings` on top of its defaults; `hochalm` is an active operator.
    pub async fn start(settings: &[(&str, &str)]) -> Self {
        let stub = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/liftoperators/hochalm"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "id": "hochalm", "name": "Hochalm Bergbahnen", "region": "Tirol",
                "location": {"lat": 47.2692, "lng": 11.4041}, "provider": "dta"})))
            .mount(&stub)
            .await;
        let (client, name) = dynamo::table_from_template("WeatherTable").await;
        let uri = stub.uri();
        let app = Settings::new(&name)
            .with(&[
                ("API_BASE_URL", uri.as_str()),
                ("OPENWEATHERMAP_BASE_URL", uri.as_str()),
                ("OPENWEATHERMAP_API_KEY", "test-key"),
                ("OPENWEATHERMAP_TIMEOUT_MS", "300"),
            ])
            .with(settings)
            .deploy(deployed)
            .await;
        Self {
            app,
            table: Table::new(client, name),
            stub,
        }
    }

    /// OpenWeatherMap answers `template` from now on.
    pub async fn openweathermap(&self, template: ResponseTemplate) {
        Mock::given(method("GET"))
            .and(path(OWM_PATH))
            .respond_with(template)
            .mount(&self.stub)
            .await;
    }

    /// How often OpenWeatherMap was asked.
    pub async fn owm_calls(&self) -> usize {
        let requests = requests(&self.stub).await;
        requests.iter().filter(|r| r.url.path() == OWM_PATH).count()
    }

    /// `GET /weather/{operator}?lang=`.
    pub async fn weather(&self, operator: &str, lang: &str) -> Answer {
        let request = function::request_query(
            "weather/current.json",
            &[("operator_id", operator)],
            &[("lang", lang)],
            None,
        );
        function::call(|request| self.app.handle(request), request).await
    }
}
