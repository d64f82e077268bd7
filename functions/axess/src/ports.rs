//! What the axess rules need from Axess and from storage, in domain types.

use crate::domain::{
    CredentialsRef, Day, ExternalOrderId, IssuedTicket, ProductKey, StoredBooking, Tariff,
    TicketItem,
};
use std::future::Future;

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
pub trait Axess {
    fn tariff(
        &self,
        credentials: &CredentialsRef,
        key: ProductKey,
        day: Day,
    ) -> impl Future<Output = Result<Tariff, ProviderError>> + Send;
    /// Issues the ticket of `items[index]` onto its keycard; never repeated by itself.
    fn issue(
        &self,
        credentials: &CredentialsRef,
        order: &ExternalOrderId,
        index: usize,
        item: &TicketItem,
    ) -> impl Future<Output = Result<IssuedTicket, ProviderError>> + Send;
    fn cancel(
        &self,
        credentials: &CredentialsRef,
        ticket: &IssuedTicket,
    ) -> impl Future<Output = Result<(), ProviderError>> + Send;
    /// A cheap check that Axess answers, for `GET /axess/status`.
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// Bookings by credentials and external order id; who may work on one is decided by its
/// claim (`shared::idempotency`), not here.
pub trait BookingStore {
    fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Forgets a booking that is still issuing and issued nothing, so that it may be tried again.
    fn forget(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn booking(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> impl Future<Output = Result<Option<StoredBooking>, StoreError>> + Send;
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}
