//! The payment service's configuration, read once at start.

use crate::adapters::Mpay24Config;
use shared::config::{ConfigError, Env};
use shared::outbound::Endpoint;
use shared::token::TokenVerifier;

/// Everything the payment function needs besides its clients.
pub struct PaymentConfig {
    pub table: String,
    /// The `orders` queue, where payment outcomes go.
    pub orders_queue_url: String,
    pub verifier: TokenVerifier,
}

impl PaymentConfig {
    /// Reads the function's and Mpay24's configuration.
    pub fn from_env(env: &Env) -> Result<(Self, Mpay24Config), ConfigError> {
        let mpay24 = Mpay24Config {
            endpoint: Endpoint::from_env(env, "MPAY24", 5_000)?,
            merchant_id: env.required("MPAY24_MERCHANT_ID")?,
            password: env.required("MPAY24_PASSWORD")?.into(),
            shop_base_url: env.required("SHOP_BASE_URL")?,
            api_base_url: env.required("API_BASE_URL")?,
        };
        let config = Self {
            table: env.required("TABLE_NAME")?,
            orders_queue_url: env.required("ORDERS_QUEUE_URL")?,
            verifier: TokenVerifier::from_env(env, "payment")?,
        };
        Ok((config, mpay24))
    }
}
