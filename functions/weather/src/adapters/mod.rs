//! Adapters behind the ports: reports kept in DynamoDB, OpenWeatherMap over HTTP.

mod deployed;
mod dynamo;
mod openweathermap;

pub use deployed::{Deployed, deployed};
pub use openweathermap::OpenWeatherMap;
