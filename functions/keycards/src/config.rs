//! The keycards service's configuration, read once at start.

use crate::domain::Signature;
use shared::config::{ConfigError, Env};
use shared::outbound::Endpoint;
use shared::provider::KeyedApi;
use shared::token::TokenVerifier;
use std::time::Duration;

/// Everything both keycards functions need besides their clients.
pub struct KeycardsConfig {
    pub table: String,
    pub verifier: TokenVerifier,
    /// The supplier's webhook secret (`KEYCARD_WEBHOOK_SECRET`).
    pub signature: Signature,
    pub supplier: KeyedApi,
    /// Our API, where auth answers with a customer's address (`API_BASE_URL`).
    pub api_base_url: String,
    /// The mail service's queue (`MAIL_QUEUE_URL`).
    pub mail_queue_url: String,
    /// The sync asks the supplier about keycards unchanged for this long.
    pub sync_after: Duration,
    /// The most keycards one sync run looks at.
    pub sync_batch: usize,
    /// A sync run stops this long before the invocation's deadline; the next run goes on.
    pub sync_reserve: Duration,
}

impl KeycardsConfig {
    pub fn from_env(env: &Env) -> Result<Self, ConfigError> {
        let sync_batch = env.parse_or("KEYCARDS_SYNC_BATCH", 50usize)?;
        if sync_batch == 0 {
            return Err(ConfigError::malformed(
                "KEYCARDS_SYNC_BATCH",
                "must be at least 1",
            ));
        }
        Ok(Self {
            table: env.required("TABLE_NAME")?,
            verifier: TokenVerifier::from_env(env, "keycards")?,
            signature: Signature::new(&env.required("KEYCARD_WEBHOOK_SECRET")?),
            supplier: KeyedApi {
                endpoint: Endpoint::from_env(env, "KEYCARD_SUPPLIER", 3_000)?,
                api_key: env.required("KEYCARD_SUPPLIER_KEY")?.into(),
            },
            api_base_url: env.required("API_BASE_URL")?,
            mail_queue_url: env.required("MAIL_QUEUE_URL")?,
            sync_after: env.millis_or("KEYCARDS_SYNC_AFTER_MS", 600_000)?,
            sync_batch,
            sync_reserve: env.millis_or("KEYCARDS_SYNC_RESERVE_MS", 3_000)?,
        })
    }
}
