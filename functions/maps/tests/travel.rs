//! Travel times from Google's Distance Matrix, kept per operator, mode and origin rounded to
//! about a kilometre; bad origins and modes are refused, routes Google cannot find are 422.

mod common;

use common::{Maps, matrix, route};
use serde_json::json;
use wiremock::ResponseTemplate;
use wiremock::matchers::{method, path};

#[tokio::test]
async fn skiers_from_one_town_cost_one_google_call_and_get_the_rounded_origin() {
    let maps = Maps::start().await;
    maps.google_answers(matrix(route())).await;
    let origins = ["47.2654,11.3927", "47.2712,11.3899", "47.27,11.39"];
    let mut answers = Vec::new();
    for from in origins {
        let answer = maps
            .travel("arlberg", &[("from", from), ("mode", "driving")])
            .await;
        answer.assert_status(200);
        answers.push(answer.body);
    }
    assert!(answers.windows(2).all(|pair| pair[0] == pair[1]));
    let body = &answers[0];
    assert_eq!(body["operator_id"], "arlberg");
    assert_eq!(body["from"], json!({"lat": 47.27, "lng": 11.39}));
    assert_eq!(body["mode"], "driving");
    assert_eq!(body["distance_m"], 115_470);
    assert_eq!(body["duration_s"], 5938);
    assert_eq!(body["duration_in_traffic_s"], 6240);
    assert_eq!(body["stale"], false);
    let requests = maps.google_requests().await;
    assert_eq!(requests.len(), 1);
    let query: Vec<(String, String)> = requests[0].url.query_pairs().into_owned().collect();
    for expected in [
        ("origins", "47.27,11.39"),
        ("destinations", "47.0127,10.2919"),
        ("mode", "driving"),
        ("departure_time", "now"),
        ("key", "test-key"),
    ] {
        let pair = (expected.0.to_owned(), expected.1.to_owned());
        assert!(query.contains(&pair), "{expected:?} in {query:?}");
    }
}

#[tokio::test]
async fn each_mode_is_asked_and_kept_apart() {
    let maps = Maps::start().await;
    maps.google_answers(matrix(route())).await;
    for mode in ["driving", "transit", "transit"] {
        let answer = maps
            .travel("arlberg", &[("from", "47.27,11.39"), ("mode", mode)])
            .await;
        assert_eq!(answer.body["mode"], mode, "{}", answer.body);
    }
    assert_eq!(maps.google_requests().await.len(), 2);
}

#[tokio::test]
async fn malformed_or_out_of_range_origins_and_unknown_modes_are_a_400_and_ask_nobody() {
    let maps = Maps::start().await;
    maps.google_answers(matrix(route())).await;
    let refused = [
        vec![("from", "innsbruck")],
        vec![("from", "47.27")],
        vec![("from", "91.0,11.39")],
        vec![("from", "47.27,181")],
        vec![("from", "47.27,11.39"), ("mode", "walking")],
        vec![],
    ];
    for query in refused {
        let answer = maps.travel("arlberg", &query).await;
        answer.assert_error(400, "invalid_input");
    }
    assert!(maps.google_requests().await.is_empty());
}

#[tokio::test]
async fn zero_results_and_not_found_are_a_422_and_kept_like_a_route() {
    for status in ["ZERO_RESULTS", "NOT_FOUND"] {
        let maps = Maps::start().await;
        maps.google_answers(matrix(json!({"status": status}))).await;
        for _ in 0..2 {
            let answer = maps.travel("arlberg", &[("from", "40.71,-74.0")]).await;
            let message = answer.assert_error(422, "no_route");
            assert!(message.contains(status), "{message}");
        }
        assert_eq!(maps.google_requests().await.len(), 1, "{status}");
    }
}

#[tokio::test]
async fn a_refusal_or_a_5xx_from_google_with_nothing_kept_is_a_503() {
    let maps = Maps::start().await;
    let denied = json!({"destination_addresses": [], "origin_addresses": [], "rows": [],
                        "status": "REQUEST_DENIED", "error_message": "The provided API key is invalid."});
    maps.google_answers(denied).await;
    let answer = maps.travel("arlberg", &[("from", "47.27,11.39")]).await;
    answer.assert_error(503, "travel_unavailable");
    let failing = Maps::start().await;
    wiremock::Mock::given(method("GET"))
        .and(path(common::MATRIX))
        .respond_with(ResponseTemplate::new(500))
        .mount(&failing.google)
        .await;
    let answer = failing.travel("arlberg", &[("from", "47.27,11.39")]).await;
    answer.assert_error(503, "travel_unavailable");
}

#[tokio::test]
async fn an_unknown_operator_is_a_404_for_its_place_and_its_travel() {
    let maps = Maps::start().await;
    maps.place("nowhere").await.assert_error(404, "not_found");
    let answer = maps.travel("nowhere", &[("from", "47.27,11.39")]).await;
    answer.assert_error(404, "not_found");
    assert!(maps.google_requests().await.is_empty());
}

#[tokio::test]
async fn an_operators_place_has_its_name_location_and_a_google_maps_link() {
    let maps = Maps::start().await;
    let answer = maps.place("arlberg").await;
    answer.assert_status(200);
    assert_eq!(
        answer.body,
        json!({"operator_id": "arlberg", "name": "Arlberg Lifte",
               "location": {"lat": 47.0127, "lng": 10.2919},
               "links": {"google_maps": "https://www.google.com/maps/search/?api=1&query=47.0127%2C10.2919"}})
    );
}

#[tokio::test]
async fn the_status_checks_the_table_and_google() {
    let maps = Maps::start().await;
    let down = shared::testing::function::status(|r| maps.app.handle(r), "maps").await;
    down.assert_status(503);
    assert_eq!(down.body["checks"]["table"]["ok"], true);
    maps.google_answers(matrix(route())).await;
    let up = shared::testing::function::status(|r| maps.app.handle(r), "maps").await;
    up.assert_status(200);
    assert_eq!(up.body["checks"]["google"]["ok"], true);
}
