//! The rules of log alerting and front-end logs, free of AWS and Lambda crates.

pub mod batch;
pub mod cap;
pub mod frontend;
pub mod line;
pub mod links;
pub mod message;
pub mod policy;
pub mod redact;
pub mod source;
