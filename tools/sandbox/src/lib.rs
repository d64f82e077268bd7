//! The third-party sandbox: one HTTP server that stands in for SkiData, Axess, Mpay24,
//! Mailgun, OpenWeatherMap, Google Maps, Slack and the keycard supplier, each under its own
//! path prefix, speaking their wire formats. It keeps what it received (see [`Sandbox`]),
//! shows it on a page, and injects faults per endpoint through `/_sandbox/faults`.

mod admin;
mod faults;
pub mod parties;
mod state;

pub use faults::Fault;
pub use state::{Record, Sandbox};

use axum::Router;

/// The whole sandbox: parties, admin API and fault injection.
pub fn app(sandbox: Sandbox) -> Router {
    Router::new()
        .merge(parties::routes())
        .nest("/_sandbox", admin::routes())
        .layer(axum::middleware::from_fn_with_state(
            sandbox.clone(),
            faults::inject,
        ))
        .with_state(sandbox)
}
