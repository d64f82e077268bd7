//! Adapters behind the ports: the entries in DynamoDB.

mod deployed;
mod dynamo;

pub use deployed::{Deployed, deployed};
