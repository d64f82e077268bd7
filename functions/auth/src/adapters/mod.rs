//! Storage adapters behind the ports, and the `App` as deployed.

mod attempts;
mod deployed;
mod dynamo;

pub use deployed::{Deployed, deployed};
pub use dynamo::DynamoStore;
