//! Keycards in the keycards table (`pk` = `KEYCARD#<id>`), with two indexes: `by-owner`
//! (`owner`, `created_at`) for a customer's list, and the sparse `open` (`open`,
//! `updated_at`) holding only the keycards not final, for the sync.

use crate::domain::{Keycard, KeycardId};
use crate::ports::{KeycardStore, StoreError};
use aws_sdk_dynamodb::types::AttributeValue;
use serde::Serialize;
use shared::table::{Guard, IndexQuery, Table};

const OWNER_INDEX: &str = "by-owner";
const OPEN_INDEX: &str = "open";
/// The one value of the `open` index's hash key.
const OPEN: &str = "open";

#[derive(Serialize)]
struct Item<'a> {
    #[serde(flatten)]
    keycard: &'a Keycard,
    #[serde(skip_serializing_if = "Option::is_none")]
    open: Option<&'static str>,
}

fn key(id: &KeycardId) -> String {
    format!("KEYCARD#{id}")
}

fn item(keycard: &Keycard) -> Item<'_> {
    Item {
        keycard,
        open: (!keycard.status.is_final()).then_some(OPEN),
    }
}

impl KeycardStore for Table {
    async fn create(&self, keycard: &Keycard) -> Result<(), StoreError> {
        let pk = key(&keycard.keycard_id);
        if self.put(&pk, &item(keycard), Guard::Absent).await? {
            Ok(())
        } else {
            Err(StoreError::because(format!("{pk} exists already")))
        }
    }

    async fn keycard(&self, id: &KeycardId) -> Result<Option<Keycard>, StoreError> {
        self.get(&key(id)).await
    }

    async fn owned_by(&self, owner: &str) -> Result<Vec<Keycard>, StoreError> {
        let query = IndexQuery::new(OWNER_INDEX, "owner", AttributeValue::S(owner.to_owned()));
        self.query(query.descending()).await
    }

    async fn advance(&self, keycard: &Keycard) -> Result<bool, StoreError> {
        let guard = Guard::equals("version", &keycard.version.saturating_sub(1))?;
        self.put(&key(&keycard.keycard_id), &item(keycard), guard)
            .await
    }

    async fn unchanged_since(
        &self,
        before: &str,
        limit: usize,
    ) -> Result<Vec<Keycard>, StoreError> {
        let query = IndexQuery::new(OPEN_INDEX, OPEN, AttributeValue::S(OPEN.to_owned()))
            .below("updated_at", AttributeValue::S(before.to_owned()))
            .limit(limit);
        self.query(query).await
    }

    async fn check(&self) -> Result<(), String> {
        Table::check(self).await
    }
}
