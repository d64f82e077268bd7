//! The maps service's own errors and their one mapping to HTTP; the common failures (invalid
//! input, a refused request, the store, an unknown operator, an unavailable route) are `shared::http::Failure`'s.

use http::StatusCode;
use shared::http::{Answer, Failure, OwnError};

/// What the maps handlers fail with.
pub type MapsFailure = Failure<MapsError>;

#[derive(Debug, thiserror::Error)]
pub enum MapsError {
    #[error("Google finds no way there by this mode ({0})")]
    NoRoute(String),
}

impl OwnError for MapsError {
    fn answer(&self) -> Answer {
        match self {
            Self::NoRoute(_) => Answer::new(StatusCode::UNPROCESSABLE_ENTITY, "no_route"),
        }
    }
}
