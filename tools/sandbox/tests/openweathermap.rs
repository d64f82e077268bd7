//! OpenWeatherMap: current weather in the real shape, derived from the coordinates.

mod common;

use axum::http::StatusCode;
use common::get;

const KEY: &str = "sandbox-openweathermap-key";

fn url(query: &str) -> String {
    format!("/openweathermap/data/2.5/weather?{query}")
}

#[tokio::test]
async fn the_weather_has_the_real_response_shape() {
    let (_, app) = common::sandbox();
    let answer = get(
        &app,
        &url(&format!(
            "lat=47.13&lon=10.27&appid={KEY}&units=metric&lang=de"
        )),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = answer.json();
    assert_eq!(body["cod"], 200);
    assert_eq!(body["coord"]["lat"], 47.13);
    assert_eq!(body["coord"]["lon"], 10.27);
    let weather = &body["weather"][0];
    assert!(weather["id"].is_u64() && weather["main"].is_string() && weather["icon"].is_string());
    assert!(weather["description"].is_string());
    for field in ["temp", "feels_like", "temp_min", "temp_max"] {
        assert!(
            body["main"][field].is_f64() || body["main"][field].is_i64(),
            "{field}"
        );
    }
    assert!(body["main"]["pressure"].is_i64() && body["main"]["humidity"].is_i64());
    assert!(body["wind"]["speed"].is_number() && body["wind"]["deg"].is_i64());
    assert!(body["clouds"]["all"].is_i64() && body["dt"].is_i64() && body["name"].is_string());
    if body["weather"][0]["main"] == "Snow" {
        assert!(body["snow"]["1h"].is_number());
    }
}

#[tokio::test]
async fn the_same_coordinates_give_the_same_weather() {
    let (_, first) = common::sandbox();
    let (_, second) = common::sandbox();
    let query = url(&format!("lat=47.2692&lon=11.4041&appid={KEY}&units=metric"));
    let mut a = get(&first, &query).await.json();
    let mut b = get(&second, &query).await.json();
    a["dt"] = 0.into();
    b["dt"] = 0.into();
    assert_eq!(a, b);
    let elsewhere = get(
        &first,
        &url(&format!("lat=46.5&lon=8.0&appid={KEY}&units=metric")),
    )
    .await
    .json();
    assert_ne!(a["main"], elsewhere["main"]);
}

#[tokio::test]
async fn units_convert_the_same_weather() {
    let (_, app) = common::sandbox();
    let place = format!("lat=47.0&lon=11.0&appid={KEY}");
    let metric = get(&app, &url(&format!("{place}&units=metric")))
        .await
        .json();
    let imperial = get(&app, &url(&format!("{place}&units=imperial")))
        .await
        .json();
    let standard = get(&app, &url(&place)).await.json();
    let celsius = metric["main"]["temp"].as_f64().expect("temp");
    let fahrenheit = imperial["main"]["temp"].as_f64().expect("temp");
    let kelvin = standard["main"]["temp"].as_f64().expect("temp");
    assert!(
        (fahrenheit - (celsius * 9.0 / 5.0 + 32.0)).abs() < 0.05,
        "{celsius} {fahrenheit}"
    );
    assert!(
        (kelvin - (celsius + 273.15)).abs() < 0.05,
        "{celsius} {kelvin}"
    );
}

#[tokio::test]
async fn a_missing_or_wrong_appid_is_a_401() {
    let (_, app) = common::sandbox();
    for query in ["lat=47&lon=11", "lat=47&lon=11&appid=guess"] {
        let answer = get(&app, &url(query)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.json()["cod"], 401);
        assert!(
            answer.json()["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Invalid API key"))
        );
    }
}

#[tokio::test]
async fn bad_coordinates_are_a_400_as_openweathermap_words_it() {
    let (_, app) = common::sandbox();
    for (query, message) in [
        ("lat=91&lon=11", "wrong latitude"),
        ("lat=north&lon=11", "wrong latitude"),
        ("lat=47&lon=181", "wrong longitude"),
        ("lon=11", "Nothing to geocode"),
    ] {
        let answer = get(&app, &url(&format!("{query}&appid={KEY}"))).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(
            answer.json(),
            serde_json::json!({ "cod": "400", "message": message })
        );
    }
}
