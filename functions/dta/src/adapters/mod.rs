//! Adapters behind the ports: SkiData over HTTP, bookings in DynamoDB.

mod dynamo;
mod skidata;
mod wire;

pub use skidata::{Credentials, SkidataClient, SkidataConfig};
