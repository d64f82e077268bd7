//! One module per third party, each a router under its own path prefix.

use crate::state::Sandbox;
use axum::Router;

/// Every party's routes.
pub fn routes() -> Router<Sandbox> {
    Router::new()
}
