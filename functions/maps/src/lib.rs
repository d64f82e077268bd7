//! The maps service: where each active lift operator is, and how long the trip there takes
//! from the customer's place, by Google's Distance Matrix.
//!
//! | route | who | what |
//! |---|---|---|
//! | `GET /maps/{operator_id}` | anyone | `{operator_id, name, location: {lat, lng}, links: {google_maps}}` |
//! | `GET /maps/{operator_id}/travel?from=<lat>,<lng>&mode=driving\|transit` | anyone | `{operator_id, from: {lat, lng}, mode, distance_m, duration_s, duration_in_traffic_s?, fetched_at, stale}`; 400 `invalid_input` for a malformed or out-of-range origin or an unknown mode; 422 `no_route` when Google finds none |
//! | `GET /maps/status` | anyone | the table and Google |
//!
//! The origin is rounded to two decimals (about 1 km) before Google is asked, and the answer
//! kept per operator, mode and rounded origin for `TRAVEL_FRESH_FOR_MS` (an hour), so a
//! thousand skiers from one town cost one call; "no route" is kept too. The answer's `from` is
//! the rounded origin. Operators come from liftoperator's public registry at `API_BASE_URL`
//! (404 `not_found` for an unknown or inactive one). When Google fails, the last answer is
//! given with `stale: true`; with none kept, 503 `travel_unavailable`.

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
