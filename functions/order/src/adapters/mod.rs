//! Adapters behind the ports: orders in DynamoDB, our other services over the API, invoice
//! PDFs rendered with pdf-writer and kept in S3.

mod api;
mod deployed;
mod dynamo;
pub mod pdf;
mod processor;
mod s3;

pub use api::ApiClient;
pub use deployed::{Deployed, deployed};
pub use processor::processor;
pub use s3::InvoiceBucket;
