//! One module per third party, each a router under its own path prefix.

mod axess;
mod skidata;

use crate::state::Sandbox;
use axum::Router;

/// Every party's routes.
pub fn routes() -> Router<Sandbox> {
    Router::new()
        .merge(skidata::routes())
        .merge(axess::routes())
}
