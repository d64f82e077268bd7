//! Fault injection: status, delay, malformed bodies, counts, methods and Retry-After.

mod common;

use axum::http::StatusCode;
use common::{get, post_json};
use serde_json::{Value, json};

const WEATHER: &str =
    "/openweathermap/data/2.5/weather?lat=47&lon=11&appid=sandbox-openweathermap-key";

async fn set(app: &axum::Router, fault: Value) {
    assert_eq!(
        post_json(app, "/_sandbox/faults", &fault, &[]).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_status_fault_answers_its_status_for_its_path_prefix_only() {
    let (_, app) = common::sandbox();
    set(
        &app,
        json!({ "path_prefix": "/openweathermap", "status": 503 }),
    )
    .await;
    assert_eq!(
        get(&app, WEATHER).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(
        get(&app, WEATHER).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    let google = get(
        &app,
        "/google/maps/api/distancematrix/json?origins=1,1&destinations=2,2&key=sandbox-google-key",
    )
    .await;
    assert_eq!(google.status, StatusCode::OK);
    assert_eq!(get(&app, "/_sandbox/records").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_counted_fault_disappears_after_its_times() {
    let (sandbox, app) = common::sandbox();
    set(
        &app,
        json!({ "path_prefix": "/openweathermap", "status": 500, "times": 2 }),
    )
    .await;
    assert_eq!(
        get(&app, WEATHER).await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(sandbox.faults()[0].times, Some(1));
    assert_eq!(
        get(&app, WEATHER).await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(get(&app, WEATHER).await.status, StatusCode::OK);
    assert!(sandbox.faults().is_empty());
}

#[tokio::test]
async fn a_malformed_fault_answers_a_body_that_is_not_json() {
    let (_, app) = common::sandbox();
    set(
        &app,
        json!({ "path_prefix": "/openweathermap", "malformed": true }),
    )
    .await;
    let answer = get(&app, WEATHER).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(serde_json::from_slice::<Value>(&answer.body).is_err());
}

#[tokio::test]
async fn a_fault_for_one_method_leaves_the_others_alone() {
    let (_, app) = common::sandbox();
    set(
        &app,
        json!({ "path_prefix": "/openweathermap", "method": "POST", "status": 500 }),
    )
    .await;
    assert_eq!(get(&app, WEATHER).await.status, StatusCode::OK);
}

#[tokio::test]
async fn retry_after_is_added_to_a_faulted_answer() {
    let (_, app) = common::sandbox();
    set(
        &app,
        json!({ "path_prefix": "/openweathermap", "status": 503, "retry_after": 120 }),
    )
    .await;
    assert_eq!(
        get(&app, WEATHER).await.header("retry-after").as_deref(),
        Some("120")
    );
}

#[tokio::test(start_paused = true)]
async fn a_delay_fault_holds_the_answer_back_then_answers_normally() {
    let (_, app) = common::sandbox();
    set(
        &app,
        json!({ "path_prefix": "/openweathermap", "delay_ms": 1500, "times": 1 }),
    )
    .await;
    let started = tokio::time::Instant::now();
    let answer = get(&app, WEATHER).await;
    assert!(started.elapsed() >= std::time::Duration::from_millis(1500));
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["cod"], 200);
}

#[tokio::test]
async fn clearing_faults_restores_every_party() {
    let (_, app) = common::sandbox();
    set(&app, json!({ "path_prefix": "/", "status": 500 })).await;
    assert_eq!(
        get(&app, WEATHER).await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    let cleared = common::send(
        &app,
        axum::http::Request::delete("/_sandbox/faults")
            .body(axum::body::Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(cleared.status, StatusCode::NO_CONTENT);
    assert_eq!(get(&app, WEATHER).await.status, StatusCode::OK);
}
