//! One DynamoDB table with a string hash key `pk`, holding serde values beside their key: the
//! reads, guarded writes and status check every service's adapter is made of.
//!
//! Reads are strongly consistent. Writes take a [`Guard`] on the item they replace, so
//! check-then-act is one conditional call: a guard that does not hold answers `false`, never an
//! error. Global secondary indexes are read with [`Table::query`].

mod guard;
mod query;

pub use guard::{Guard, attribute};
pub use query::IndexQuery;

use guard::{condition, non_empty};

use crate::idempotency::IdempotencyStore;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::AttributeValue;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::error::Error as StdError;
use std::time::Duration;

/// A DynamoDB item.
pub type Item = HashMap<String, AttributeValue>;

/// The hash key attribute of every table.
pub const KEY: &str = "pk";

/// Storage failed; the cause chain is kept for the one log line that reports it.
#[derive(Debug, thiserror::Error)]
#[error("storage failed")]
pub struct StoreError(#[source] Box<dyn StdError + Send + Sync>);

impl StoreError {
    /// Storage failed because of `cause`.
    pub fn new(cause: impl StdError + Send + Sync + 'static) -> Self {
        Self(Box::new(cause))
    }

    /// Storage failed for a reason no error beneath it tells, such as stored data that is not
    /// what the code expects: `what` says it.
    pub fn because(what: impl Into<String>) -> Self {
        Self::new(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            what.into(),
        ))
    }
}

/// A table of the service; cheap to clone.
#[derive(Clone, Debug)]
pub struct Table {
    client: Client,
    name: String,
}

impl Table {
    pub fn new(client: Client, name: impl Into<String>) -> Self {
        Self {
            client,
            name: name.into(),
        }
    }

    /// The table `name` through a client of the shared AWS configuration.
    pub fn from_config(aws: &crate::aws::SdkConfig, name: impl Into<String>) -> Self {
        Self::new(crate::aws::dynamodb(aws), name)
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Claims (`shared::idempotency`) kept in this table beside the items, with leases of
    /// `lease`.
    pub fn claims(&self, lease: Duration) -> IdempotencyStore {
        IdempotencyStore::beside(self.client.clone(), &self.name, lease)
    }

    /// `value` as an item under `pk`, for a transaction.
    pub fn item(pk: &str, value: &impl Serialize) -> Result<Item, StoreError> {
        let mut item: Item = serde_dynamo::to_item(value).map_err(StoreError::new)?;
        item.insert(KEY.to_owned(), AttributeValue::S(pk.to_owned()));
        Ok(item)
    }

    /// The value stored under `pk`.
    pub async fn get<T: DeserializeOwned>(&self, pk: &str) -> Result<Option<T>, StoreError> {
        self.get_item(pk)
            .await?
            .map(|item| serde_dynamo::from_item(item).map_err(StoreError::new))
            .transpose()
    }

    /// The item stored under `pk`, attribute by attribute.
    pub async fn get_item(&self, pk: &str) -> Result<Option<Item>, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.name)
            .key(KEY, AttributeValue::S(pk.to_owned()))
            .consistent_read(true)
            .send()
            .await
            .map_err(StoreError::new)?;
        Ok(output.item)
    }

    /// Stores `value` under `pk` if `guard` holds; `false` if it did not.
    pub async fn put(
        &self,
        pk: &str,
        value: &impl Serialize,
        guard: Guard,
    ) -> Result<bool, StoreError> {
        let mut put = self
            .client
            .put_item()
            .table_name(&self.name)
            .set_item(Some(Self::item(pk, value)?));
        if let Some(condition) = condition(guard) {
            put = put
                .condition_expression(condition.expression)
                .set_expression_attribute_names(non_empty(condition.names))
                .set_expression_attribute_values(non_empty(condition.values));
        }
        crate::aws::condition_held(put.send().await).map_err(StoreError::new)
    }

    /// Stores `value` under `pk` unless something is there; the value stored before if it was.
    pub async fn create<T: Serialize + DeserializeOwned>(
        &self,
        pk: &str,
        value: &T,
    ) -> Result<Option<T>, StoreError> {
        if self.put(pk, value, Guard::Absent).await? {
            return Ok(None);
        }
        match self.get(pk).await? {
            Some(earlier) => Ok(Some(earlier)),
            None => Err(StoreError::because(format!(
                "{pk} existed for a conditional put and was gone after it"
            ))),
        }
    }

    /// Sets the top-level attributes `fields` of the item under `pk` if `guard` holds; `false` if
    /// it did not. With [`Guard::Always`] a missing item is created with just these attributes.
    pub async fn update(
        &self,
        pk: &str,
        fields: &[(&str, AttributeValue)],
        guard: Guard,
    ) -> Result<bool, StoreError> {
        let mut names = HashMap::new();
        let mut values = HashMap::new();
        let mut sets = Vec::new();
        for (n, (field, value)) in fields.iter().enumerate() {
            names.insert(format!("#f{n}"), (*field).to_owned());
            values.insert(format!(":f{n}"), value.clone());
            sets.push(format!("#f{n} = :f{n}"));
        }
        let mut expression = None;
        if let Some(condition) = condition(guard) {
            names.extend(condition.names);
            values.extend(condition.values);
            expression = Some(condition.expression);
        }
        let update = self
            .client
            .update_item()
            .table_name(&self.name)
            .key(KEY, AttributeValue::S(pk.to_owned()))
            .update_expression(format!("SET {}", sets.join(", ")))
            .set_condition_expression(expression)
            .set_expression_attribute_names(non_empty(names))
            .set_expression_attribute_values(non_empty(values));
        crate::aws::condition_held(update.send().await).map_err(StoreError::new)
    }

    /// Writes `items` all or none (`TransactWriteItems`); `false` if a condition did not hold.
    pub async fn transact(
        &self,
        items: Vec<aws_sdk_dynamodb::types::TransactWriteItem>,
    ) -> Result<bool, StoreError> {
        let sent = self
            .client
            .transact_write_items()
            .set_transact_items(Some(items))
            .send()
            .await;
        match sent {
            Ok(_) => Ok(true),
            Err(err)
                if err
                    .as_service_error()
                    .is_some_and(|e| e.is_transaction_canceled_exception()) =>
            {
                Ok(false)
            }
            Err(err) => Err(StoreError::new(err)),
        }
    }

    /// Removes the item under `pk` if `guard` holds; `false` if it did not.
    pub async fn delete(&self, pk: &str, guard: Guard) -> Result<bool, StoreError> {
        let mut delete = self
            .client
            .delete_item()
            .table_name(&self.name)
            .key(KEY, AttributeValue::S(pk.to_owned()));
        if let Some(condition) = condition(guard) {
            delete = delete
                .condition_expression(condition.expression)
                .set_expression_attribute_names(non_empty(condition.names))
                .set_expression_attribute_values(non_empty(condition.values));
        }
        crate::aws::condition_held(delete.send().await).map_err(StoreError::new)
    }

    /// Every value whose key starts with `prefix`, in key order. A scan: for small registries,
    /// not for data that grows with customers.
    pub async fn scan_prefix<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Vec<T>, StoreError> {
        let mut found: Vec<(String, T)> = Vec::new();
        let mut start = None;
        loop {
            let page = self
                .client
                .scan()
                .table_name(&self.name)
                .filter_expression("begins_with(#pk, :prefix)")
                .expression_attribute_names("#pk", KEY)
                .expression_attribute_values(":prefix", AttributeValue::S(prefix.to_owned()))
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(StoreError::new)?;
            for item in page.items.unwrap_or_default() {
                let key = match item.get(KEY) {
                    Some(AttributeValue::S(key)) => key.clone(),
                    _ => return Err(StoreError::because("an item without a string pk")),
                };
                found.push((key, serde_dynamo::from_item(item).map_err(StoreError::new)?));
            }
            match page.last_evaluated_key {
                Some(next) => start = Some(next),
                None => break,
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(found.into_iter().map(|(_, value)| value).collect())
    }

    /// The status check: the table exists and answers.
    pub async fn check(&self) -> Result<(), String> {
        crate::status::dynamodb_table(&self.client, &self.name).await
    }
}

#[cfg(test)]
mod tests;
