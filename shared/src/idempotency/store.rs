//! The DynamoDB side of the idempotency store.

use super::{Claim, IdempotencyConfig, IdempotencyError, RunError};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::AttributeValue;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::sync::Arc;

const IN_PROGRESS: &str = "INPROGRESS";
const COMPLETED: &str = "COMPLETED";

/// Milliseconds since the Unix epoch; injectable so tests can move time.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

#[derive(Debug, Serialize, Deserialize)]
struct Record {
    id: String,
    status: String,
    /// Seconds since the epoch after which the record no longer counts (and TTL may delete it).
    expiration: i64,
    /// Milliseconds since the epoch after which an IN_PROGRESS claim may be taken over.
    in_progress_expiry: i64,
    payload_hash: String,
    #[serde(default)]
    data: Option<String>,
}

/// Claims, completes and releases idempotency keys in one DynamoDB table.
#[derive(Clone)]
pub struct IdempotencyStore {
    client: Client,
    table: String,
    config: IdempotencyConfig,
    clock: Clock,
}

fn store_error(err: impl std::error::Error + Send + Sync + 'static) -> IdempotencyError {
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
    /// A store in `table`, using the system clock.
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
            config,
            clock,
        }
    }

    /// Claims `key` for a request with `payload`, or returns what an earlier delivery found.
    pub async fn claim(
        &self,
        key: &str,
        payload: &impl Serialize,
    ) -> Result<Claim, IdempotencyError> {
        let hash = payload_hash(payload)?;
        let now_ms = (self.clock)();
        let record = Record {
            id: key.to_owned(),
            status: IN_PROGRESS.to_owned(),
            expiration: now_ms / 1000 + self.config.retention.as_secs() as i64,
            in_progress_expiry: now_ms + self.config.in_progress_timeout.as_millis() as i64,
            payload_hash: hash.clone(),
            data: None,
        };
        let put = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(serde_dynamo::to_item(&record).map_err(store_error)?))
            .condition_expression(
                "attribute_not_exists(id) OR expiration < :now \
                 OR (#status = :in_progress AND in_progress_expiry < :now_ms)",
            )
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":now", AttributeValue::N((now_ms / 1000).to_string()))
            .expression_attribute_values(":now_ms", AttributeValue::N(now_ms.to_string()))
            .expression_attribute_values(":in_progress", AttributeValue::S(IN_PROGRESS.to_owned()))
            .send()
            .await;
        match put {
            Ok(_) => Ok(Claim::New),
            Err(err)
                if err
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
            {
                self.existing(key, &hash).await
            }
            Err(err) => Err(store_error(err)),
        }
    }

    async fn existing(&self, key: &str, hash: &str) -> Result<Claim, IdempotencyError> {
        let found = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("id", AttributeValue::S(key.to_owned()))
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

    /// Stores the result of the work done under `key`, ending its IN_PROGRESS claim.
    pub async fn complete(
        &self,
        key: &str,
        result: &impl Serialize,
    ) -> Result<(), IdempotencyError> {
        let data = serde_json::to_string(result).map_err(store_error)?;
        let expiration = (self.clock)() / 1000 + self.config.retention.as_secs() as i64;
        self.client
            .update_item()
            .table_name(&self.table)
            .key("id", AttributeValue::S(key.to_owned()))
            .update_expression("SET #status = :completed, #data = :data, expiration = :expiration")
            .condition_expression("attribute_exists(id)")
            .expression_attribute_names("#status", "status")
            .expression_attribute_names("#data", "data")
            .expression_attribute_values(":completed", AttributeValue::S(COMPLETED.to_owned()))
            .expression_attribute_values(":data", AttributeValue::S(data))
            .expression_attribute_values(":expiration", AttributeValue::N(expiration.to_string()))
            .send()
            .await
            .map_err(store_error)?;
        Ok(())
    }

    /// Gives up the claim on `key` after the work failed, so a retry can run it again.
    pub async fn release(&self, key: &str) -> Result<(), IdempotencyError> {
        self.client
            .delete_item()
            .table_name(&self.table)
            .key("id", AttributeValue::S(key.to_owned()))
            .condition_expression("#status = :in_progress")
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":in_progress", AttributeValue::S(IN_PROGRESS.to_owned()))
            .send()
            .await
            .map_err(store_error)?;
        Ok(())
    }

    /// Runs `work` once per `key`: a repeated delivery gets the stored result, a failed run
    /// releases the key.
    pub async fn run<T, E, F, Fut>(
        &self,
        key: &str,
        payload: &impl Serialize,
        work: F,
    ) -> Result<T, RunError<E>>
    where
        T: Serialize + DeserializeOwned,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        if let Claim::Completed(stored) = self.claim(key, payload).await? {
            return serde_json::from_value(stored)
                .map_err(|err| RunError::Idempotency(store_error(err)));
        }
        match work().await {
            Ok(result) => {
                self.complete(key, &result).await?;
                Ok(result)
            }
            Err(err) => {
                if let Err(release) = self.release(key).await {
                    tracing::warn!(event = "idempotency.release_failed", key, error = %release);
                }
                Err(RunError::Operation(err))
            }
        }
    }
}
