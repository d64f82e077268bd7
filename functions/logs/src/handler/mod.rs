//! The event and HTTP sides of the two functions.

pub mod alerts;
pub mod frontend;
