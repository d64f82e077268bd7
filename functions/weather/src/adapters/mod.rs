//! Adapters behind the ports: reports kept in DynamoDB, OpenWeatherMap over HTTP.

mod dynamo;
mod openweathermap;

pub use openweathermap::OpenWeatherMap;
