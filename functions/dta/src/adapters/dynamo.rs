//! Bookings in the dta table (string hash key `pk` = `BOOKING#<credentials>#<external order
//! id>`); their claims (`CLAIM#...`) live in the same table.

use crate::domain::{BookingStatus, CredentialsRef, ExternalOrderId};
use crate::ports::{BookingStore, StoreError, StoredBooking};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::AttributeValue;
use serde::Serialize;
use shared::idempotency::IdempotencyStore;

/// The DynamoDB adapter; cheap to clone.
#[derive(Clone)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

fn unavailable(err: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError(Box::new(err))
}

fn pk(credentials: &CredentialsRef, id: &ExternalOrderId) -> String {
    format!("BOOKING#{credentials}#{id}")
}

fn key(credentials: &CredentialsRef, id: &ExternalOrderId) -> AttributeValue {
    AttributeValue::S(pk(credentials, id))
}

/// A booking as stored: its key beside it.
#[derive(Serialize)]
struct Row<'a> {
    pk: String,
    #[serde(flatten)]
    stored: &'a StoredBooking,
}

/// What a put requires of the booking it replaces.
enum Guard {
    None,
    /// That there is none.
    Absent,
    /// That it is still pending.
    Pending,
}

impl DynamoStore {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }

    /// The claims on new bookings, kept in the same table with leases of `lease`.
    pub fn claims(&self, lease: std::time::Duration) -> IdempotencyStore {
        IdempotencyStore::beside(self.client.clone(), &self.table, lease)
    }

    /// Puts `stored` if `guard` holds; `false` if it did not.
    async fn put(
        &self,
        credentials: &CredentialsRef,
        stored: &StoredBooking,
        guard: Guard,
    ) -> Result<bool, StoreError> {
        let row = Row {
            pk: pk(credentials, &stored.booking.external_order_id),
            stored,
        };
        let put = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(serde_dynamo::to_item(row).map_err(unavailable)?));
        let put = match guard {
            Guard::None => put,
            Guard::Absent => put.condition_expression("attribute_not_exists(pk)"),
            Guard::Pending => put
                .condition_expression("booking.#status = :pending")
                .expression_attribute_names("#status", "status")
                .expression_attribute_values(
                    ":pending",
                    serde_dynamo::to_attribute_value(BookingStatus::Pending)
                        .map_err(unavailable)?,
                ),
        };
        shared::aws::condition_held(put.send().await).map_err(unavailable)
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

    async fn create(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<Option<StoredBooking>, StoreError> {
        if self.put(credentials, booking, Guard::Absent).await? {
            return Ok(None);
        }
        let id = &booking.booking.external_order_id;
        self.booking(credentials, id).await
    }

    async fn settle(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<bool, StoreError> {
        self.put(credentials, booking, Guard::Pending).await
    }

    async fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<(), StoreError> {
        self.put(credentials, booking, Guard::None)
            .await
            .map(|_| ())
    }

    async fn check(&self) -> Result<(), String> {
        shared::status::dynamodb_table(&self.client, &self.table).await
    }
}
