//! The third-party sandbox: one HTTP server that stands in for SkiData, Axess, Mpay24,
//! Mailgun, OpenWeatherMap, Google Maps, Slack and the keycard supplier, each under its own
//! path prefix, speaking their wire formats. It keeps what it received (see [`Sandbox`]),
//! shows it on a page, and injects faults per endpoint through `/_sandbox/faults`.

mod admin;
mod credentials;
mod derive;
mod faults;
mod html;
mod outbound;
mod page;
pub mod parties;
mod settings;
mod state;
mod xml;

pub use faults::Fault;
pub use settings::Settings;
pub use state::{Record, Sandbox};

use axum::Router;

/// The whole sandbox: parties, admin API and fault injection.
pub fn app(sandbox: Sandbox) -> Router {
    Router::new()
        .route("/", axum::routing::get(page::show))
        .merge(parties::routes())
        .nest("/_sandbox", admin::routes())
        .layer(axum::middleware::from_fn_with_state(
            sandbox.clone(),
            faults::inject,
        ))
        .with_state(sandbox)
}
