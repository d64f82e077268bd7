//! Bookings in the dta table (string hash key `pk` = `BOOKING#<credentials>#<external order id>`).

use crate::domain::{CredentialsRef, ExternalOrderId};
use crate::ports::{BookingStore, StoreError, StoredBooking};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::AttributeValue;

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

impl DynamoStore {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }
}

impl BookingStore for DynamoStore {
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

    async fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<(), StoreError> {
        let mut item: std::collections::HashMap<String, AttributeValue> =
            serde_dynamo::to_item(booking).map_err(unavailable)?;
        item.insert(
            "pk".into(),
            key(credentials, &booking.booking.external_order_id),
        );
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .send()
            .await
            .map_err(unavailable)?;
        Ok(())
    }

    async fn check(&self) -> Result<(), String> {
        shared::status::dynamodb_table(&self.client, &self.table).await
    }
}
