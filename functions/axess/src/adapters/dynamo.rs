//! Bookings in the axess table (string hash key `pk` = `BOOKING#<credentials>#<external order
//! id>`); their claims (`CLAIM#...`) live in the same table.

use crate::domain::{BookingStatus, CredentialsRef, ExternalOrderId, StoredBooking};
use crate::ports::{BookingStore, StoreError};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::AttributeValue;
use shared::idempotency::IdempotencyStore;
use std::collections::HashMap;

/// The DynamoDB adapter; cheap to clone.
#[derive(Clone)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

fn unavailable(err: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError(Box::new(err))
}

fn key(credentials: &CredentialsRef, id: &ExternalOrderId) -> AttributeValue {
    AttributeValue::S(format!("BOOKING#{credentials}#{id}"))
}

fn status(value: BookingStatus) -> Result<AttributeValue, StoreError> {
    serde_dynamo::to_attribute_value(value).map_err(unavailable)
}

impl DynamoStore {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }

    /// The claims on bookings, kept in the same table with leases of `lease`.
    pub fn claims(&self, lease: std::time::Duration) -> IdempotencyStore {
        IdempotencyStore::beside(self.client.clone(), &self.table, lease)
    }

    fn item(
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<HashMap<String, AttributeValue>, StoreError> {
        let mut item: HashMap<String, AttributeValue> =
            serde_dynamo::to_item(booking).map_err(unavailable)?;
        item.insert(
            "pk".into(),
            key(credentials, &booking.booking.external_order_id),
        );
        Ok(item)
    }
}

impl BookingStore for DynamoStore {
    async fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<(), StoreError> {
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(Self::item(credentials, booking)?))
            .send()
            .await
            .map_err(unavailable)?;
        Ok(())
    }

    async fn forget(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<(), StoreError> {
        self.client
            .delete_item()
            .table_name(&self.table)
            .key("pk", key(credentials, id))
            .condition_expression("booking.#status = :issuing")
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":issuing", status(BookingStatus::Issuing)?)
            .send()
            .await
            .map_err(unavailable)?;
        Ok(())
    }

    async fn booking(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<Option<StoredBooking>, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("pk", key(credentials, id))
            .consistent_read(true)
            .send()
            .await
            .map_err(unavailable)?;
        output
            .item
            .map(|item| serde_dynamo::from_item(item).map_err(unavailable))
            .transpose()
    }

    async fn check(&self) -> Result<(), String> {
        shared::status::dynamodb_table(&self.client, &self.table).await
    }
}
