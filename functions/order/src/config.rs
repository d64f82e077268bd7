//! The order service's configuration, read once at start.

use crate::domain::Seller;
use shared::config::{ConfigError, Env};
use shared::outbound::Endpoint;
use shared::token::TokenVerifier;
use std::time::Duration;

/// Everything the order functions need besides their clients.
pub struct OrderConfig {
    pub table: String,
    pub verifier: TokenVerifier,
    /// How long a claim on an `Idempotency-Key` holds; longer than the function's timeout.
    pub lease: Duration,
    /// A paid order whose tickets could not be booked for this long is refunded instead.
    pub give_up_after: Duration,
    /// The S3 bucket of the invoice PDFs.
    pub invoice_bucket: String,
    /// Who the invoices name as seller, and the VAT rate prices include.
    pub seller: Seller,
}

impl OrderConfig {
    /// Reads the functions' configuration and where our API is (`API_*`; calls are not
    /// repeated: a failed message is retried as a whole).
    pub fn from_env(env: &Env) -> Result<(Self, Endpoint), ConfigError> {
        let api = Endpoint::from_env(env, "API", 8_000)?.attempts(1);
        let config = Self {
            table: env.required("TABLE_NAME")?,
            verifier: TokenVerifier::from_env(env, "order")?,
            lease: env.millis_or("ORDER_LEASE_MS", 60_000)?,
            give_up_after: env.millis_or("ORDER_GIVE_UP_AFTER_MS", 25 * 60_000)?,
            invoice_bucket: env.required("INVOICE_BUCKET")?,
            seller: Seller {
                name: env.required("SELLER_NAME")?,
                address: env.required("SELLER_ADDRESS")?,
                vat_id: env.required("SELLER_VAT_ID")?,
                vat_percent: env.parse_or("VAT_RATE_PERCENT", 10)?,
            },
        };
        Ok((config, api))
    }
}
