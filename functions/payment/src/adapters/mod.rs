//! Adapters behind the ports: Mpay24 over SOAP, payments in DynamoDB, outcomes on SQS.

mod dynamo;
mod mpay24;
mod queue;

pub use mpay24::{Mpay24Client, Mpay24Config};
