//! The logs service: the `log-alerts` function that turns what matters in every service's logs
//! into Slack messages, and the `frontend-logs` function that writes the browser's log events
//! into CloudWatch Logs.

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod payload;
pub mod ports;
