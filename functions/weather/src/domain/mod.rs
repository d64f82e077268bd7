//! The weather rules, free of AWS and HTTP: languages, a weather report, and what one cache
//! entry stands for.

mod report;

pub use report::{Lang, Report, WeatherKey, WeatherView};
pub use shared::registry::Location;
pub use shared::values::Invalid;
