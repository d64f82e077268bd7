//! The Distance Matrix adapter against the sandbox, which speaks Google's wire format.

use maps::adapters::DistanceMatrix;
use maps::domain::{Location, Mode, Travel};
use maps::ports::Routes;
use shared::outbound::Endpoint;
use shared::provider::KeyedApi;

#[tokio::test]
async fn the_adapter_reads_a_route_traffic_and_no_route_from_the_sandbox() {
    let base = sandbox::spawn(sandbox::Sandbox::default())
        .await
        .expect("sandbox");
    let google = DistanceMatrix::new(KeyedApi {
        endpoint: Endpoint::at(format!("{base}/google")),
        api_key: "sandbox-google-key".into(),
    })
    .expect("client");
    let innsbruck = Location {
        lat: 47.27,
        lng: 11.4,
    };
    let arlberg = Location {
        lat: 47.0127,
        lng: 10.2919,
    };
    let Travel::Route {
        distance_m,
        duration_s,
        duration_in_traffic_s,
    } = google
        .travel(innsbruck, arlberg, Mode::Driving)
        .await
        .expect("a route")
    else {
        panic!("Innsbruck to the Arlberg has a road");
    };
    assert!((80_000..200_000).contains(&distance_m), "{distance_m}");
    assert!(duration_s > 3_000, "{duration_s}");
    assert!(duration_in_traffic_s.is_some_and(|t| t >= duration_s));
    let transit = google
        .travel(innsbruck, arlberg, Mode::Transit)
        .await
        .expect("a route");
    assert!(matches!(
        transit,
        Travel::Route {
            duration_in_traffic_s: None,
            ..
        }
    ));
    let new_york = Location {
        lat: 40.71,
        lng: -74.0,
    };
    let none = google
        .travel(new_york, arlberg, Mode::Driving)
        .await
        .expect("an answer");
    assert_eq!(
        none,
        Travel::NoRoute {
            status: "ZERO_RESULTS".into()
        }
    );
    assert!(google.check().await.is_ok());
}
