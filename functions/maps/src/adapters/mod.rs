//! Adapters behind the ports: travel times kept in DynamoDB, Google's Distance Matrix over HTTP.

mod deployed;
mod dynamo;
mod google;

pub use deployed::{Deployed, deployed};
pub use google::DistanceMatrix;
