//! One module per third party, each a router under its own path prefix.

mod axess;
mod google;
mod keycards;
mod mailgun;
mod mpay24;
mod openweathermap;
mod shop;
mod skidata;
mod slack;

use crate::state::Sandbox;
use axum::Router;

/// Every party's routes.
pub fn routes() -> Router<Sandbox> {
    Router::new()
        .merge(skidata::routes())
        .merge(axess::routes())
        .merge(mpay24::routes())
        .merge(mailgun::routes())
        .merge(openweathermap::routes())
        .merge(google::routes())
        .merge(slack::routes())
        .merge(keycards::routes())
        .merge(shop::routes())
}
