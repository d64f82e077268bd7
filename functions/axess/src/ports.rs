//! What the axess rules need from Axess and from storage, in domain types.

use crate::domain::{
    CredentialsRef, Day, ExternalOrderId, IssuedTicket, ProductKey, StoredBooking, Tariff,
    TicketItem,
};
use std::future::Future;

/// Why Axess gave no usable answer.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("no Axess credentials are configured under {0:?}")]
    UnknownCredentials(String),
    #[error("Axess did not answer in time")]
    Timeout,
    #[error("Axess could not be reached: {0}")]
    Unreachable(String),
    #[error("the exchange with Axess broke off: {0}")]
    Transport(String),
    #[error("Axess answered {status}: {detail}")]
    Status { status: u16, detail: String },
    #[error("Axess's answer is malformed: {0}")]
    Malformed(String),
    #[error("Axess answered with a SOAP Fault: {code}: {message}")]
    Fault { code: String, message: String },
    #[error("Axess refused with error {number}: {message}")]
    Refused { number: i64, message: String },
}

impl ProviderError {
    /// Whether Axess certainly did nothing: it said so, or the request never left.
    pub fn nothing_done(&self) -> bool {
        matches!(
            self,
            Self::UnknownCredentials(_)
                | Self::Unreachable(_)
                | Self::Fault { .. }
                | Self::Refused { .. }
        )
    }
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

/// Storage failed.
#[derive(Debug, thiserror::Error)]
#[error("the booking store failed")]
pub struct StoreError(#[source] pub Box<dyn std::error::Error + Send + Sync>);

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
