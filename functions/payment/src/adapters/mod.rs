//! Adapters behind the ports: Mpay24 over SOAP, payments in DynamoDB, outcomes on SQS; and the
//! `App` as deployed.

mod deployed;
mod dynamo;
mod mpay24;
mod queue;

pub use deployed::{Deployed, deployed};
pub use mpay24::{Mpay24Client, Mpay24Config};
