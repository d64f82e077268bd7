//! The third-party sandbox: one HTTP server that stands in for SkiData, Axess, Mpay24,
//! Mailgun, OpenWeatherMap, Google Maps, Slack and the keycard supplier, each under its own
//! path prefix, speaking their wire formats. It keeps what it received (see [`Sandbox`]),
//! shows it on a page, and injects faults per endpoint through `/_sandbox/faults`.

mod admin;
mod blocks;
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

/// Serves `sandbox` on a free port of 127.0.0.1 in the background of the current runtime, for
/// tests of an adapter against it; its base URL.
pub async fn spawn(sandbox: Sandbox) -> std::io::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, app(sandbox)).await;
    });
    Ok(format!("http://{address}"))
}
