//! Adapters behind the ports: orders in DynamoDB, our other services over the API.

mod api;
mod dynamo;

pub use api::{ApiClient, ApiConfig};
