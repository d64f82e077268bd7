//! What the dta rules need from SkiData and from storage, in domain types.

use crate::domain::{
    Booking, BookingRequest, CredentialsRef, Day, ExternalOrderId, OrderStatus, Product,
};
use std::future::Future;

pub use shared::provider::ProviderError;
pub use shared::table::StoreError;

/// An order SkiData accepted and works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedOrder {
    pub order_id: String,
    pub confirmation_number: String,
}

/// SkiData's current view of an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderState {
    pub order_id: String,
    pub status: OrderStatus,
}

/// The SkiData DTA API.
pub trait Skidata {
    /// The products and prices valid on `day`.
    fn products(
        &self,
        credentials: &CredentialsRef,
        day: Day,
    ) -> impl Future<Output = Result<Vec<Product>, ProviderError>> + Send;
    /// Places an order; SkiData answers the same order for the same external order id.
    fn create_order(
        &self,
        request: &BookingRequest,
    ) -> impl Future<Output = Result<AcceptedOrder, ProviderError>> + Send;
    fn order(
        &self,
        credentials: &CredentialsRef,
        order_id: &str,
    ) -> impl Future<Output = Result<OrderState, ProviderError>> + Send;
    fn cancel_order(
        &self,
        credentials: &CredentialsRef,
        order_id: &str,
    ) -> impl Future<Output = Result<OrderState, ProviderError>> + Send;
    /// A cheap check that SkiData answers, for `GET /dta/status`.
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// A booking with the fingerprint of the items it was asked for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoredBooking {
    pub booking: Booking,
    pub fingerprint: String,
}

/// Bookings by credentials and external order id, so they can be read and cancelled. Who
/// places a new booking is decided by its claim (`shared::idempotency`); writes of SkiData's
/// outcome are guarded by the stored status, so a cancel is never overwritten.
pub trait BookingStore {
    fn booking(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> impl Future<Output = Result<Option<StoredBooking>, StoreError>> + Send;
    /// Stores a new booking, or returns the one stored before under its id.
    fn create(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> impl Future<Output = Result<Option<StoredBooking>, StoreError>> + Send;
    /// Stores the outcome of a booking that is still pending; `false` if it is not any more.
    fn settle(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Stores a booking whatever it was before (a cancel's outcome).
    fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}
