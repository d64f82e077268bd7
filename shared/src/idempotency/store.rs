//! The DynamoDB side of the idempotency store: claiming a key, and reading what a refused
//! claim found.

use super::{Claim, IdempotencyConfig, IdempotencyError, Lease};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

pub(super) const IN_PROGRESS: &str = "INPROGRESS";
pub(super) const COMPLETED: &str = "COMPLETED";

/// Milliseconds since the Unix epoch; injectable so tests can move time.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

#[derive(Debug, Serialize, Deserialize)]
struct Record {
    status: String,
    /// Seconds since the epoch after which the record no longer counts (and TTL may delete it).
    expiration: i64,
    /// Milliseconds since the epoch after which an IN_PROGRESS claim may be taken over.
    in_progress_expiry: i64,
    payload_hash: String,
    /// The token of the delivery that holds or completed the claim.
    #[serde(default)]
    owner: String,
    #[serde(default)]
    data: Option<String>,
}

/// Claims, completes and releases idempotency keys in one DynamoDB table.
#[derive(Clone)]
pub struct IdempotencyStore {
    pub(super) client: Client,
    pub(super) table: String,
    pub(super) key_attribute: String,
    pub(super) config: IdempotencyConfig,
    pub(super) clock: Clock,
}

pub(super) fn store_error(err: impl std::error::Error + Send + Sync + 'static) -> IdempotencyError {
    IdempotencyError::Store(Box::new(err))
}

fn payload_hash(payload: &impl Serialize) -> Result<String, IdempotencyError> {
    let bytes = serde_json::to_vec(payload).map_err(store_error)?;
    Ok(crate::digest::sha256_hex(&bytes))
}

fn system_clock() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

impl IdempotencyStore {
    /// A store in `table` keyed by `id`, using the system clock.
    pub fn new(client: Client, table: impl Into<String>, config: IdempotencyConfig) -> Self {
        Self::with_clock(client, table, config, Arc::new(system_clock))
    }

    /// A store whose notion of now is `clock`.
    pub fn with_clock(
        client: Client,
        table: impl Into<String>,
        config: IdempotencyConfig,
        clock: Clock,
    ) -> Self {
        Self {
            client,
            table: table.into(),
            key_attribute: "id".to_owned(),
            config,
            clock,
        }
    }

    /// The same store in a table whose string hash key is `attribute`, so a service can keep
    /// its claims beside its own items.
    pub fn keyed_by(mut self, attribute: impl Into<String>) -> Self {
        self.key_attribute = attribute.into();
        self
    }

    /// Claims with leases of `lease` kept in a service's own table (hash key `pk`), beside
    /// the items they guard; results are kept for the default retention.
    pub fn beside(client: Client, table: impl Into<String>, lease: std::time::Duration) -> Self {
        let config = IdempotencyConfig {
            in_progress_timeout: lease,
            ..IdempotencyConfig::default()
        };
        Self::new(client, table, config).keyed_by("pk")
    }

    pub(super) fn key(&self, key: &str) -> (String, AttributeValue) {
        (
            self.key_attribute.clone(),
            AttributeValue::S(key.to_owned()),
        )
    }

    pub(super) fn now_ms(&self) -> i64 {
        (self.clock)()
    }

    /// Claims `key` for a request with `payload`, or returns what an earlier delivery found.
    pub async fn claim(
        &self,
        key: &str,
        payload: &impl Serialize,
    ) -> Result<Claim, IdempotencyError> {
        let hash = payload_hash(payload)?;
        let now_ms = self.now_ms();
        let lease = Lease {
            key: key.to_owned(),
            token: uuid::Uuid::new_v4().to_string(),
        };
        let record = Record {
            status: IN_PROGRESS.to_owned(),
            expiration: now_ms / 1000 + self.config.retention.as_secs() as i64,
            in_progress_expiry: now_ms + self.config.in_progress_timeout.as_millis() as i64,
            payload_hash: hash.clone(),
            owner: lease.token.clone(),
            data: None,
        };
        let mut item: HashMap<String, AttributeValue> =
            serde_dynamo::to_item(&record).map_err(store_error)?;
        let (name, value) = self.key(key);
        item.insert(name, value);
        let put = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression(
                "attribute_not_exists(#key) OR expiration < :now \
                 OR (#status = :in_progress AND in_progress_expiry < :now_ms)",
            )
            .expression_attribute_names("#key", &self.key_attribute)
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":now", AttributeValue::N((now_ms / 1000).to_string()))
            .expression_attribute_values(":now_ms", AttributeValue::N(now_ms.to_string()))
            .expression_attribute_values(":in_progress", AttributeValue::S(IN_PROGRESS.to_owned()))
            .return_values(ReturnValue::AllOld)
            .send()
            .await;
        let output = match put {
            Ok(output) => output,
            Err(err) => {
                return match crate::aws::condition_held(Err::<(), _>(err)) {
                    Ok(_) => self.existing(key, &hash).await,
                    Err(err) => Err(store_error(err)),
                };
            }
        };
        let left_behind = output.attributes.is_some_and(|old| {
            old.get("status")
                .is_some_and(|s| s == &AttributeValue::S(IN_PROGRESS.to_owned()))
        });
        if left_behind {
            tracing::warn!(event = "idempotency.taken_over", key);
            Ok(Claim::Resumed(lease))
        } else {
            Ok(Claim::New(lease))
        }
    }

    async fn existing(&self, key: &str, hash: &str) -> Result<Claim, IdempotencyError> {
        let (name, value) = self.key(key);
        let found = self
            .client
            .get_item()
            .table_name(&self.table)
            .key(name, value)
            .consistent_read(true)
            .send()
            .await
            .map_err(store_error)?;
        // Gone between our put and this read: its owner released it; the caller retries.
        let Some(item) = found.item else {
            return Err(IdempotencyError::InProgress(key.to_owned()));
        };
        let record: Record = serde_dynamo::from_item(item).map_err(store_error)?;
        if record.payload_hash != hash {
            return Err(IdempotencyError::PayloadMismatch(key.to_owned()));
        }
        match (record.status.as_str(), record.data) {
            (COMPLETED, Some(data)) => Ok(Claim::Completed(
                serde_json::from_str(&data).map_err(store_error)?,
            )),
            _ => Err(IdempotencyError::InProgress(key.to_owned())),
        }
    }
}
