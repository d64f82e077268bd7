//! The OpenWeatherMap adapter against the sandbox, which speaks OpenWeatherMap's wire format.

use shared::outbound::Endpoint;
use shared::provider::KeyedApi;
use weather::adapters::OpenWeatherMap;
use weather::domain::{Lang, Location};
use weather::ports::Weather;

fn client(base: &str, key: &str) -> OpenWeatherMap {
    OpenWeatherMap::new(KeyedApi {
        endpoint: Endpoint::at(format!("{base}/openweathermap")),
        api_key: key.into(),
    })
    .expect("client")
}

#[tokio::test]
async fn the_adapter_reads_the_sandboxes_weather_and_is_refused_with_a_wrong_key() {
    let base = sandbox::spawn(sandbox::Sandbox::default())
        .await
        .expect("sandbox");
    let place = Location {
        lat: 47.2692,
        lng: 11.4041,
    };
    let report = client(&base, "sandbox-openweathermap-key")
        .current(place, Lang::De)
        .await
        .expect("a report");
    assert!(!report.description.is_empty());
    assert!(report.icon.ends_with('d'), "{}", report.icon);
    assert!((-40.0..40.0).contains(&report.temperature_c));
    assert!(report.wind_kmh >= 0.0);
    let again = client(&base, "sandbox-openweathermap-key")
        .current(place, Lang::De)
        .await
        .expect("a report");
    assert_eq!(again.temperature_c, report.temperature_c);
    assert!(
        client(&base, "wrong")
            .current(place, Lang::En)
            .await
            .is_err()
    );
    assert!(
        client(&base, "sandbox-openweathermap-key")
            .check()
            .await
            .is_ok()
    );
}
