//! Bookings in the dta table (string hash key `pk` = `BOOKING#<credentials>#<external order
//! id>`): the table is the booking store; the claims (`CLAIM#...`, `Table::claims`) live in it
//! too.

use crate::domain::{BookingStatus, CredentialsRef, ExternalOrderId};
use crate::ports::{BookingStore, StoreError, StoredBooking};
use shared::table::{Guard, Table};

fn pk(credentials: &CredentialsRef, id: &ExternalOrderId) -> String {
    format!("BOOKING#{credentials}#{id}")
}

fn pk_of(credentials: &CredentialsRef, stored: &StoredBooking) -> String {
    pk(credentials, &stored.booking.external_order_id)
}

impl BookingStore for Table {
    async fn booking(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<Option<StoredBooking>, StoreError> {
        self.get(&pk(credentials, id)).await
    }

    async fn create(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<Option<StoredBooking>, StoreError> {
        Table::create(self, &pk_of(credentials, booking), booking).await
    }

    async fn settle(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<bool, StoreError> {
        let pending = Guard::equals("booking.status", &BookingStatus::Pending)?;
        self.put(&pk_of(credentials, booking), booking, pending)
            .await
    }

    async fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<(), StoreError> {
        self.put(&pk_of(credentials, booking), booking, Guard::Always)
            .await
            .map(|_| ())
    }

    async fn check(&self) -> Result<(), String> {
        Table::check(self).await
    }
}
