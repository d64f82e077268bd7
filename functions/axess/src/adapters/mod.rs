//! Adapters behind the ports: Axess over SOAP, bookings in DynamoDB.

mod axess;
mod dynamo;
mod soap;

pub use axess::{AxessClient, AxessClientConfig, SESSION_EXPIRED};
