//! The liftoperator function's routes as the template declares them.

use shared::testing::events;

#[test]
fn the_status_route_is_get_liftoperator_status_like_every_services() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../template.yaml");
    let template = std::fs::read_to_string(path).expect("reading template.yaml");
    let paths: Vec<&str> = template
        .lines()
        .filter_map(|line| line.split_once("Path: "))
        .map(|(_, rest)| rest.trim_end().trim_end_matches('}').trim_matches('"'))
        .collect();
    assert!(paths.contains(&"/liftoperator/status"), "{paths:?}");
    assert!(!paths.contains(&"/liftoperators/status"), "{paths:?}");
    let event = events::load("liftoperator/status.json");
    assert_eq!(event["routeKey"], "GET /liftoperator/status");
}
