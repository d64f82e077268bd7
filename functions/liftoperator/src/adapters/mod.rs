//! Adapters behind the ports: the registry in DynamoDB, the provider adapters over REST.

mod dynamo;
mod providers;
mod rest;
mod wire;

pub use providers::HttpProviders;
pub use rest::AdapterClient;
