//! What the axess rules need from Axess and from storage, in domain types.

use crate::domain::{
    CredentialsRef, Day, ExternalOrderId, IssuedTicket, ProductKey, StoredBooking, Tariff,
    TicketItem,
};

pub use shared::provider::ProviderError;
pub use shared::table::StoreError;

/// Whether Axess certainly did nothing after `err`: it said so, or the request never left.
pub fn nothing_done(err: &ProviderError) -> bool {
    matches!(
        err,
        ProviderError::UnknownCredentials(_)
            | ProviderError::Unreachable(_)
            | ProviderError::Fault { .. }
            | ProviderError::Refused { .. }
    )
}

/// The Axess DCI4WTP API, with the session handled inside.
#[trait_variant::make(Send)]
pub trait Axess {
    async fn tariff(
        &self,
        credentials: &CredentialsRef,
        key: ProductKey,
        day: Day,
    ) -> Result<Tariff, ProviderError>;
    /// Issues the ticket of `items[index]` onto its keycard; never repeated by itself.
    async fn issue(
        &self,
        credentials: &CredentialsRef,
        order: &ExternalOrderId,
        index: usize,
        item: &TicketItem,
    ) -> Result<IssuedTicket, ProviderError>;
    async fn cancel(
        &self,
        credentials: &CredentialsRef,
        ticket: &IssuedTicket,
    ) -> Result<(), ProviderError>;
    /// A cheap check that Axess answers, for `GET /axess/status`.
    async fn check(&self) -> Result<(), String>;
}

/// Bookings by credentials and external order id; who may work on one is decided by its
/// claim (`shared::idempotency`), not here.
#[trait_variant::make(Send)]
pub trait BookingStore {
    async fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<(), StoreError>;
    /// Forgets a booking that is still issuing and issued nothing, so that it may be tried again.
    async fn forget(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<(), StoreError>;
    async fn booking(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<Option<StoredBooking>, StoreError>;
    async fn check(&self) -> Result<(), String>;
}
