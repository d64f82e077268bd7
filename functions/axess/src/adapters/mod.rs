//! Adapters behind the ports: Axess over SOAP, bookings in DynamoDB; and the `App` as
//! deployed.

mod axess;
mod deployed;
mod dynamo;
mod soap;

pub use axess::{AxessClient, AxessClientConfig, SESSION_EXPIRED};
pub use deployed::{Deployed, deployed};
