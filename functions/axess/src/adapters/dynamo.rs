//! Bookings in the axess table (string hash key `pk` = `BOOKING#<credentials>#<external order
//! id>`); their claims (`CLAIM#...`) live in the same table.

use crate::domain::{BookingStatus, CredentialsRef, ExternalOrderId, StoredBooking};
use crate::ports::{BookingStore, StoreError};
use shared::idempotency::IdempotencyStore;
use shared::table::{Guard, Table};

/// The DynamoDB adapter; cheap to clone.
#[derive(Clone)]
pub struct DynamoStore {
    table: Table,
}

fn pk(credentials: &CredentialsRef, id: &ExternalOrderId) -> String {
    format!("BOOKING#{credentials}#{id}")
}

impl DynamoStore {
    pub fn new(table: Table) -> Self {
        Self { table }
    }

    /// The claims on bookings, kept in the same table with leases of `lease`.
    pub fn claims(&self, lease: std::time::Duration) -> IdempotencyStore {
        self.table.claims(lease)
    }
}

impl BookingStore for DynamoStore {
    async fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<(), StoreError> {
        let pk = pk(credentials, &booking.booking.external_order_id);
        self.table
            .put(&pk, booking, Guard::Always)
            .await
            .map(|_| ())
    }

    async fn forget(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<(), StoreError> {
        let issuing = Guard::equals("booking.status", &BookingStatus::Issuing)?;
        if self.table.delete(&pk(credentials, id), issuing).await? {
            Ok(())
        } else {
            Err(StoreError::because(format!(
                "booking {id} is no longer issuing"
            )))
        }
    }

    async fn booking(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<Option<StoredBooking>, StoreError> {
        self.table.get(&pk(credentials, id)).await
    }

    async fn check(&self) -> Result<(), String> {
        self.table.check().await
    }
}
