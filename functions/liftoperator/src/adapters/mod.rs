//! Adapters behind the ports: the registry in DynamoDB, the provider adapters over REST; and the
//! `App` as deployed.

mod deployed;
mod dynamo;
mod providers;
mod rest;
mod wire;

pub use deployed::{Deployed, deployed};
pub use providers::HttpProviders;
pub use rest::AdapterClient;
