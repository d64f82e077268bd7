//! The weather service has no failure of its own: its handlers fail with the common ones
//! (invalid input, a refused request, the store, an unknown operator, an unavailable forecast).

use shared::http::Failure;

/// What the weather handlers fail with.
pub type WeatherFailure = Failure<std::convert::Infallible>;
