//! Bookings in the dta table (string hash key `pk` = `BOOKING#<credentials>#<external order
//! id>`); their claims (`CLAIM#...`) live in the same table.

use crate::domain::{BookingStatus, CredentialsRef, ExternalOrderId};
use crate::ports::{BookingStore, StoreError, StoredBooking};
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

fn pk_of(credentials: &CredentialsRef, stored: &StoredBooking) -> String {
    pk(credentials, &stored.booking.external_order_id)
}

impl DynamoStore {
    pub fn new(table: Table) -> Self {
        Self { table }
    }

    /// The claims on new bookings, kept in the same table with leases of `lease`.
    pub fn claims(&self, lease: std::time::Duration) -> IdempotencyStore {
        self.table.claims(lease)
    }
}

impl BookingStore for DynamoStore {
    async fn booking(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<Option<StoredBooking>, StoreError> {
        self.table.get(&pk(credentials, id)).await
    }

    async fn create(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<Option<StoredBooking>, StoreError> {
        self.table
            .create(&pk_of(credentials, booking), booking)
            .await
    }

    async fn settle(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<bool, StoreError> {
        let pending = Guard::equals("booking.status", &BookingStatus::Pending)?;
        self.table
            .put(&pk_of(credentials, booking), booking, pending)
            .await
    }

    async fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<(), StoreError> {
        self.table
            .put(&pk_of(credentials, booking), booking, Guard::Always)
            .await
            .map(|_| ())
    }

    async fn check(&self) -> Result<(), String> {
        self.table.check().await
    }
}
