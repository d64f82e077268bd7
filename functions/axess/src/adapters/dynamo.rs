//! Bookings in the axess table (string hash key `pk` = `BOOKING#<credentials>#<external order
//! id>`): the table is the booking store; the claims (`CLAIM#...`, `Table::claims`) live in it
//! too.

use crate::domain::{BookingStatus, CredentialsRef, ExternalOrderId, StoredBooking};
use crate::ports::{BookingStore, StoreError};
use shared::table::{Guard, Table};

fn pk(credentials: &CredentialsRef, id: &ExternalOrderId) -> String {
    format!("BOOKING#{credentials}#{id}")
}

impl BookingStore for Table {
    async fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<(), StoreError> {
        let pk = pk(credentials, &booking.booking.external_order_id);
        self.put(&pk, booking, Guard::Always).await.map(|_| ())
    }

    async fn forget(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<(), StoreError> {
        let issuing = Guard::equals("booking.status", &BookingStatus::Issuing)?;
        if self.delete(&pk(credentials, id), issuing).await? {
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
        self.get(&pk(credentials, id)).await
    }

    async fn check(&self) -> Result<(), String> {
        Table::check(self).await
    }
}
