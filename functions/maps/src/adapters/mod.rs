//! Adapters behind the ports: travel times kept in DynamoDB, Google's Distance Matrix over HTTP.

mod dynamo;
mod google;

pub use google::DistanceMatrix;
