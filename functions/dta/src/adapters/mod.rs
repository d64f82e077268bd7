//! Adapters behind the ports: SkiData over HTTP, bookings in DynamoDB; and the `App` as
//! deployed.

mod deployed;
mod dynamo;
mod skidata;
mod wire;

pub use deployed::{Deployed, deployed};
pub use skidata::{Credentials, SkidataClient, SkidataConfig};
