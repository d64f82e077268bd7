//! Plumbing shared by every Starjack function: configuration (with secrets read once), telemetry, AWS clients, HTTP
//! errors, token verification, SQS batches, idempotency with leases, outbound HTTP, the trusted
//! TLS roots, the one mapping of a provider's failure to HTTP, a small
//! expiring cache, a read-through cache of third-party answers in DynamoDB, the lift operator
//! registry as other services read it, status checks, message contracts and the values of the booking contract
//! between the lift-operator facade and its adapters. A service's own rules stay in its own
//! crate.

pub mod aws;
pub mod cache;
pub mod config;
pub mod correlation;
pub mod digest;
pub mod expiring;
pub mod http;
pub mod idempotency;
pub mod mail;
pub mod messages;
pub mod outbound;
pub mod provider;
pub mod queue;
pub mod registry;
pub mod secrets;
pub mod service_token;
#[cfg(feature = "soap")]
pub mod soap;
pub mod sqs;
pub mod status;
pub mod table;
pub mod telemetry;
pub mod tls;
pub mod token;
pub mod values;

#[cfg(feature = "testing")]
pub mod testing;

/// Why a function could not be built at its start: a configuration or a client that failed.
pub type StartError = Box<dyn std::error::Error + Send + Sync>;

/// What every function's `main` begins with: the JSON logger for `service`, the process
/// environment and the AWS configuration.
pub async fn start(service: &str) -> (config::Env, aws::SdkConfig) {
    telemetry::init(service);
    (config::env(), aws::load().await)
}
