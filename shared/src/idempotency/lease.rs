//! What the holder of a lease may do with its claim: complete, release or suspend it, each
//! only while the claim is still its own.

use super::store::{COMPLETED, IN_PROGRESS, store_error};
use super::{Claim, IdempotencyError, IdempotencyStore, Lease, RunError};
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::AttributeValue;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::future::Future;

const OWN_CLAIM: &str = "#status = :in_progress AND #owner = :owner";

/// The attribute names and values [`OWN_CLAIM`] refers to for `lease`; a write adds its own.
fn own_claim(lease: &Lease) -> (HashMap<String, String>, HashMap<String, AttributeValue>) {
    let names = HashMap::from([
        ("#status".to_owned(), "status".to_owned()),
        ("#owner".to_owned(), "owner".to_owned()),
    ]);
    let values = HashMap::from([
        (
            ":in_progress".to_owned(),
            AttributeValue::S(IN_PROGRESS.to_owned()),
        ),
        (":owner".to_owned(), AttributeValue::S(lease.token.clone())),
    ]);
    (names, values)
}

/// Whether a write conditional on the caller's own claim was done: the claim was not the
/// caller's any more, or the store failed.
fn own<T, E, R>(lease: &Lease, result: Result<T, SdkError<E, R>>) -> Result<(), IdempotencyError>
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    match crate::aws::condition_held(result) {
        Ok(true) => Ok(()),
        Ok(false) => Err(IdempotencyError::LeaseLost(lease.key.clone())),
        Err(err) => Err(store_error(err)),
    }
}

impl IdempotencyStore {
    /// Stores the result of the work done under `lease`, ending its IN_PROGRESS claim.
    pub async fn complete(
        &self,
        lease: &Lease,
        result: &impl Serialize,
    ) -> Result<(), IdempotencyError> {
        let data = serde_json::to_string(result).map_err(store_error)?;
        let expiration = self.now_ms() / 1000 + self.config.retention.as_secs() as i64;
        let (name, value) = self.key(&lease.key);
        let (mut names, mut values) = own_claim(lease);
        names.insert("#data".into(), "data".into());
        values.insert(":completed".into(), AttributeValue::S(COMPLETED.to_owned()));
        values.insert(":data".into(), AttributeValue::S(data));
        values.insert(
            ":expiration".into(),
            AttributeValue::N(expiration.to_string()),
        );
        let written = self
            .client
            .update_item()
            .table_name(&self.table)
            .key(name, value)
            .update_expression("SET #status = :completed, #data = :data, expiration = :expiration")
            .condition_expression(OWN_CLAIM)
            .set_expression_attribute_names(Some(names))
            .set_expression_attribute_values(Some(values))
            .send()
            .await;
        own(lease, written)
    }

    /// Gives up the claim after the work failed having done nothing, so a retry starts anew.
    pub async fn release(&self, lease: &Lease) -> Result<(), IdempotencyError> {
        let (name, value) = self.key(&lease.key);
        let (names, values) = own_claim(lease);
        let written = self
            .client
            .delete_item()
            .table_name(&self.table)
            .key(name, value)
            .condition_expression(OWN_CLAIM)
            .set_expression_attribute_names(Some(names))
            .set_expression_attribute_values(Some(values))
            .send()
            .await;
        own(lease, written)
    }

    /// Ends the lease now but keeps the claim in progress, for work stopped halfway: the next
    /// delivery takes it over at once and learns that it resumes ([`Claim::Resumed`]).
    pub async fn suspend(&self, lease: &Lease) -> Result<(), IdempotencyError> {
        let (name, value) = self.key(&lease.key);
        let (names, mut values) = own_claim(lease);
        values.insert(":ended".into(), AttributeValue::N("0".to_owned()));
        let written = self
            .client
            .update_item()
            .table_name(&self.table)
            .key(name, value)
            .update_expression("SET in_progress_expiry = :ended")
            .condition_expression(OWN_CLAIM)
            .set_expression_attribute_names(Some(names))
            .set_expression_attribute_values(Some(values))
            .send()
            .await;
        own(lease, written)
    }

    /// Ends the claim of `lease` by the outcome of the work done under it: completed with
    /// `result` when it succeeded, released when it failed. A claim that cannot be ended is
    /// logged and left to its lease, after which a later delivery resumes it.
    pub async fn end<T, E>(&self, lease: &Lease, work: &Result<T, E>, result: &impl Serialize) {
        let ended = match work {
            Ok(_) => self.complete(lease, result).await,
            Err(_) => self.release(lease).await,
        };
        if let Err(err) = ended {
            let error = crate::http::cause_chain(&err);
            tracing::warn!(event = "idempotency.claim_not_ended", key = %lease.key, error);
        }
    }

    /// Runs `work` once per `key`: a repeated delivery gets the stored result, a failed run
    /// releases the key. For work that cannot be resumed: a taken-over claim runs it anew.
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
        let lease = match self.claim(key, payload).await? {
            Claim::Completed(stored) => {
                return serde_json::from_value(stored)
                    .map_err(|err| RunError::Idempotency(store_error(err)));
            }
            Claim::New(lease) | Claim::Resumed(lease) => lease,
        };
        match work().await {
            Ok(result) => {
                self.complete(&lease, &result).await?;
                Ok(result)
            }
            Err(err) => {
                if let Err(release) = self.release(&lease).await {
                    tracing::warn!(event = "idempotency.release_failed", key, error = %release);
                }
                Err(RunError::Operation(err))
            }
        }
    }
}
