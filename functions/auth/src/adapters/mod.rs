//! Storage adapters behind the ports.

mod dynamo;

pub use dynamo::DynamoStore;
