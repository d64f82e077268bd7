//! Storage adapters behind the ports.

mod attempts;
mod dynamo;

pub use dynamo::DynamoStore;
