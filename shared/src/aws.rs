//! AWS SDK configuration, loaded once per process and shared by every client.
//!
//! The default provider chain honours `AWS_ENDPOINT_URL` (and the per-service
//! `AWS_ENDPOINT_URL_<SERVICE>`), so the same code reaches moto's server locally and AWS in
//! production.

pub use aws_config::SdkConfig;
use aws_smithy_http_client::tls::{self, TrustStore};

/// Loads region, credentials and endpoint from the environment. The SDK's HTTPS client trusts
/// the compiled-in roots of [`crate::tls`] instead of reading the system's certificate files.
pub async fn load() -> SdkConfig {
    let trust = TrustStore::empty()
        .with_native_roots(false)
        .with_pem_certificate(crate::tls::roots_pem());
    // Building the context cannot fail today; should it, the SDK's default (system roots) serves.
    let context = tls::TlsContext::builder()
        .with_trust_store(trust)
        .build()
        .unwrap_or_default();
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(
            tls::rustls_provider::CryptoMode::AwsLc,
        ))
        .tls_context(context)
        .build_https();
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .http_client(http)
        .load()
        .await
}

/// A DynamoDB client for the shared configuration.
pub fn dynamodb(config: &SdkConfig) -> aws_sdk_dynamodb::Client {
    aws_sdk_dynamodb::Client::new(config)
}

/// An S3 client for the shared configuration; path-style addressing where an endpoint is
/// configured (moto locally), the SDK's default against AWS.
pub fn s3(config: &SdkConfig) -> aws_sdk_s3::Client {
    let s3 = aws_sdk_s3::config::Builder::from(config)
        .force_path_style(config.endpoint_url().is_some())
        .build();
    aws_sdk_s3::Client::from_conf(s3)
}

/// An SQS client for the shared configuration.
pub fn sqs(config: &SdkConfig) -> aws_sdk_sqs::Client {
    aws_sdk_sqs::Client::new(config)
}

/// The outcome of a conditional DynamoDB write: `Ok(false)` when its condition did not hold,
/// the error when the call failed otherwise.
pub fn condition_held<T, E, R>(
    result: Result<T, aws_sdk_dynamodb::error::SdkError<E, R>>,
) -> Result<bool, aws_sdk_dynamodb::error::SdkError<E, R>>
where
    E: aws_sdk_dynamodb::error::ProvideErrorMetadata,
{
    use aws_sdk_dynamodb::error::ProvideErrorMetadata;
    match result {
        Ok(_) => Ok(true),
        Err(err) if err.code() == Some("ConditionalCheckFailedException") => Ok(false),
        Err(err) => Err(err),
    }
}
