//! Route throttling of the template's HTTP APIs (`RouteSettings`, `DefaultRouteSettings`).

use serde_json::Value as Json;
use std::collections::BTreeMap;

/// `ThrottlingRateLimit` and `ThrottlingBurstLimit` of a route.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Throttle {
    pub rate: f64,
    pub burst: u32,
}

/// The `RouteSettings` and `DefaultRouteSettings` of the template's `AWS::Serverless::HttpApi`s.
#[derive(Debug, Clone, Default)]
pub struct Throttling {
    /// By route key (`POST /logs/frontend`).
    pub routes: BTreeMap<String, Throttle>,
    pub default: Option<Throttle>,
}

/// Lambda's account-level defaults, for a route that sets only one of the two limits.
const ACCOUNT_RATE: f64 = 10_000.0;
const ACCOUNT_BURST: u32 = 5_000;

/// The limits of one `RouteSettings` entry, if it sets any.
pub fn throttle(settings: &Json) -> Option<Throttle> {
    let rate = settings["ThrottlingRateLimit"].as_f64();
    let burst = settings["ThrottlingBurstLimit"].as_u64();
    (rate.is_some() || burst.is_some()).then(|| Throttle {
        rate: rate.unwrap_or(ACCOUNT_RATE),
        burst: burst.map_or(ACCOUNT_BURST, |b| b as u32),
    })
}
