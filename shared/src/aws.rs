//! AWS SDK configuration, loaded once per process and shared by every client.
//!
//! The default provider chain honours `AWS_ENDPOINT_URL` (and the per-service
//! `AWS_ENDPOINT_URL_<SERVICE>`), so the same code reaches moto's server locally and AWS in
//! production.

pub use aws_config::SdkConfig;

/// Loads region, credentials and endpoint from the environment.
pub async fn load() -> SdkConfig {
    aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await
}

/// A DynamoDB client for the shared configuration.
pub fn dynamodb(config: &SdkConfig) -> aws_sdk_dynamodb::Client {
    aws_sdk_dynamodb::Client::new(config)
}
