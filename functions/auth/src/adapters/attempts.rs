//! Login attempts under `LOGIN#<account key>`, written with an optimistic lock on `version`
//! and deleted by DynamoDB's TTL (`expires_at`) when their window is over.

use super::DynamoStore;
use crate::domain::{AccountKey, Attempts};
use crate::ports::{AttemptStore, StoreError};
use shared::table::Guard;

fn key(account: &AccountKey) -> String {
    format!("LOGIN#{}", account.as_str())
}

impl AttemptStore for DynamoStore {
    async fn attempts(&self, account: &AccountKey) -> Result<Option<Attempts>, StoreError> {
        self.table.get(&key(account)).await
    }

    async fn record_attempt(
        &self,
        account: &AccountKey,
        next: &Attempts,
    ) -> Result<bool, StoreError> {
        self.table
            .put(&key(account), next, Guard::version(next.version))
            .await
    }

    async fn clear_attempts(&self, account: &AccountKey) -> Result<(), StoreError> {
        self.table
            .delete(&key(account), Guard::Always)
            .await
            .map(|_| ())
    }
}
