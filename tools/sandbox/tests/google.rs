//! Google Distance Matrix: distances and durations between `lat,lng` places.

mod common;

use axum::http::StatusCode;
use common::get;
use serde_json::Value;

const INNSBRUCK: &str = "47.2692,11.4041";
const ISCHGL: &str = "47.0127,10.2919";
const KITZBUEHEL: &str = "47.4467,12.3925";

async fn matrix(app: &axum::Router, query: &str) -> Value {
    let answer = get(
        app,
        &format!("/google/maps/api/distancematrix/json?{query}"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    answer.json()
}

fn query(origins: &str, destinations: &str, extra: &str) -> String {
    format!(
        "origins={origins}&destinations={destinations}&mode=driving&key=sandbox-google-key{extra}"
    )
}

#[tokio::test]
async fn a_matrix_has_one_row_per_origin_and_one_element_per_destination() {
    let (_, app) = common::sandbox();
    let body = matrix(
        &app,
        &query(
            &format!("{INNSBRUCK}|{KITZBUEHEL}"),
            &format!("{ISCHGL}|{KITZBUEHEL}|{INNSBRUCK}"),
            "&departure_time=now",
        ),
    )
    .await;
    assert_eq!(body["status"], "OK");
    assert_eq!(
        body["origin_addresses"],
        serde_json::json!([INNSBRUCK, KITZBUEHEL])
    );
    assert_eq!(
        body["destination_addresses"].as_array().map(Vec::len),
        Some(3)
    );
    let rows = body["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 2);
    for row in rows {
        let elements = row["elements"].as_array().expect("elements");
        assert_eq!(elements.len(), 3);
        for element in elements {
            assert_eq!(element["status"], "OK");
            assert!(
                element["distance"]["text"].is_string() && element["distance"]["value"].is_u64()
            );
            assert!(
                element["duration"]["text"].is_string() && element["duration"]["value"].is_u64()
            );
            assert!(
                element["duration_in_traffic"]["value"].as_u64()
                    >= element["duration"]["value"].as_u64()
            );
        }
    }
}

#[tokio::test]
async fn a_drive_is_the_great_circle_times_a_road_factor_at_seventy_km_per_hour() {
    let (_, app) = common::sandbox();
    let body = matrix(&app, &query(INNSBRUCK, ISCHGL, "")).await;
    let element = &body["rows"][0]["elements"][0];
    // Innsbruck to Ischgl is about 88.8 km as the crow flies.
    let meters = element["distance"]["value"].as_f64().expect("meters");
    assert!((meters / 1.3 - 88_823.0).abs() < 10.0, "{meters}");
    let seconds = element["duration"]["value"].as_f64().expect("seconds");
    assert!((seconds - meters / (70.0 / 3.6)).abs() < 2.0, "{seconds}");
    assert!(element.get("duration_in_traffic").is_none());
}

#[tokio::test]
async fn the_same_places_give_the_same_answer() {
    let (_, first) = common::sandbox();
    let (_, second) = common::sandbox();
    let q = query(
        INNSBRUCK,
        &format!("{ISCHGL}|{KITZBUEHEL}"),
        "&departure_time=now",
    );
    assert_eq!(matrix(&first, &q).await, matrix(&second, &q).await);
}

#[tokio::test]
async fn an_address_the_sandbox_cannot_place_is_not_found() {
    let (_, app) = common::sandbox();
    let body = matrix(&app, &query("Innsbruck%20Hauptbahnhof", ISCHGL, "")).await;
    assert_eq!(body["status"], "OK");
    assert_eq!(body["origin_addresses"][0], "");
    assert_eq!(
        body["rows"][0]["elements"][0],
        serde_json::json!({ "status": "NOT_FOUND" })
    );
}

#[tokio::test]
async fn a_missing_or_wrong_key_is_request_denied() {
    let (_, app) = common::sandbox();
    for q in [
        format!("origins={INNSBRUCK}&destinations={ISCHGL}"),
        format!("origins={INNSBRUCK}&destinations={ISCHGL}&key=guess"),
    ] {
        let body = matrix(&app, &q).await;
        assert_eq!(body["status"], "REQUEST_DENIED");
        assert!(body["error_message"].is_string());
        assert_eq!(body["rows"], serde_json::json!([]));
    }
}

#[tokio::test]
async fn missing_places_or_an_unknown_mode_are_an_invalid_request() {
    let (_, app) = common::sandbox();
    assert_eq!(
        matrix(&app, &format!("origins={INNSBRUCK}&key=sandbox-google-key")).await["status"],
        "INVALID_REQUEST"
    );
    let flying =
        format!("origins={INNSBRUCK}&destinations={ISCHGL}&mode=flying&key=sandbox-google-key");
    assert_eq!(matrix(&app, &flying).await["status"], "INVALID_REQUEST");
}
