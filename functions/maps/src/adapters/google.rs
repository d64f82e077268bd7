//! Google's Distance Matrix over HTTP: one origin, one destination, `departure_time=now` for
//! traffic. Google answers its errors inside a 200 (`status`, `error_message`) and each pair's
//! outcome in its element's `status`.

use crate::domain::{Location, Mode, Travel};
use crate::ports::{ProviderError, Routes};
use serde::Deserialize;
use shared::outbound::{Outbound, Remote, Repeat};
use shared::provider::{KeyedApi, Secret, excerpt, exchange_success};

/// The largest answer read.
const MAX_ANSWER_BYTES: usize = 64 * 1024;
/// Element statuses that mean there is no way there.
const NO_ROUTE: [&str; 3] = ["ZERO_RESULTS", "NOT_FOUND", "MAX_ROUTE_LENGTH_EXCEEDED"];

/// The Distance Matrix client; built once in `main`.
pub struct DistanceMatrix {
    outbound: Outbound,
    url: String,
    api_key: Secret,
}

#[derive(Deserialize)]
struct Matrix {
    status: String,
    #[serde(default)]
    error_message: String,
    #[serde(default)]
    rows: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    elements: Vec<Element>,
}

#[derive(Deserialize)]
struct Element {
    status: String,
    distance: Option<Value>,
    duration: Option<Value>,
    duration_in_traffic: Option<Value>,
}

#[derive(Deserialize)]
struct Value {
    value: u64,
}

fn place(at: Location) -> String {
    format!("{},{}", at.lat, at.lng)
}

impl Matrix {
    fn travel(self) -> Result<Travel, ProviderError> {
        if self.status != "OK" {
            return Err(ProviderError::Refused {
                code: excerpt(self.status.as_bytes()),
                message: excerpt(self.error_message.as_bytes()),
            });
        }
        let element = self
            .rows
            .into_iter()
            .next()
            .and_then(|row| row.elements.into_iter().next())
            .ok_or_else(|| ProviderError::Malformed("no element for the one pair".into()))?;
        if NO_ROUTE.contains(&element.status.as_str()) {
            return Ok(Travel::NoRoute {
                status: element.status,
            });
        }
        match (element.status.as_str(), element.distance, element.duration) {
            ("OK", Some(distance), Some(duration)) => Ok(Travel::Route {
                distance_m: distance.value,
                duration_s: duration.value,
                duration_in_traffic_s: element.duration_in_traffic.map(|d| d.value),
            }),
            (status, ..) => Err(ProviderError::Malformed(format!(
                "element status {} without a distance and duration",
                excerpt(status.as_bytes())
            ))),
        }
    }
}

impl DistanceMatrix {
    pub fn new(config: KeyedApi) -> Result<Self, reqwest::Error> {
        let google = Remote::new(config.endpoint)?;
        Ok(Self {
            url: google.url("/maps/api/distancematrix/json"),
            outbound: google.outbound,
            api_key: config.api_key,
        })
    }
}

impl Routes for DistanceMatrix {
    async fn travel(
        &self,
        from: Location,
        to: Location,
        mode: Mode,
    ) -> Result<Travel, ProviderError> {
        let query = [
            ("origins", place(from)),
            ("destinations", place(to)),
            ("mode", mode.as_str().to_owned()),
            ("departure_time", "now".to_owned()),
            ("key", self.api_key.expose().to_owned()),
        ];
        let request = self.outbound.client().get(&self.url).query(&query);
        let body =
            exchange_success(&self.outbound, request, Repeat::ByMethod, MAX_ANSWER_BYTES).await?;
        let matrix: Matrix = serde_json::from_slice(&body)
            .map_err(|err| ProviderError::Malformed(err.to_string()))?;
        matrix.travel()
    }

    async fn check(&self) -> Result<(), String> {
        let innsbruck = Location {
            lat: 47.2692,
            lng: 11.4041,
        };
        let salzburg = Location {
            lat: 47.8095,
            lng: 13.055,
        };
        match self.travel(innsbruck, salzburg, Mode::Driving).await {
            Ok(_) => Ok(()),
            Err(err) => Err(format!("Google {err}")),
        }
    }
}
