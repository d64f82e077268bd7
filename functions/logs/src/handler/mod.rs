//! The event and HTTP sides of the two functions.

pub mod alerts;
mod cap;
mod delivery;
pub mod frontend;
