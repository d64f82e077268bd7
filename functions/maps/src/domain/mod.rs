//! The maps rules, free of AWS and HTTP: origins that parse, travel modes, the outcome of a
//! route search, and the answers.

mod travel;

pub use shared::registry::{Location, RegisteredOperator};
pub use shared::values::Invalid;
pub use travel::{Mode, Origin, Travel, TravelKey, TravelView, google_maps_link};
