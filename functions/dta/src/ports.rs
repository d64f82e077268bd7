//! What the dta rules need from SkiData and from storage, in domain types.

use crate::domain::{
    Booking, BookingRequest, CredentialsRef, Day, ExternalOrderId, OrderStatus, Product,
};

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
#[trait_variant::make(Send)]
pub trait Skidata {
    /// The products and prices valid on `day`.
    async fn products(
        &self,
        credentials: &CredentialsRef,
        day: Day,
    ) -> Result<Vec<Product>, ProviderError>;
    /// Places an order; SkiData answers the same order for the same external order id.
    async fn create_order(&self, request: &BookingRequest) -> Result<AcceptedOrder, ProviderError>;
    async fn order(
        &self,
        credentials: &CredentialsRef,
        order_id: &str,
    ) -> Result<OrderState, ProviderError>;
    async fn cancel_order(
        &self,
        credentials: &CredentialsRef,
        order_id: &str,
    ) -> Result<OrderState, ProviderError>;
    /// A cheap check that SkiData answers, for `GET /dta/status`.
    async fn check(&self) -> Result<(), String>;
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
#[trait_variant::make(Send)]
pub trait BookingStore {
    async fn booking(
        &self,
        credentials: &CredentialsRef,
        id: &ExternalOrderId,
    ) -> Result<Option<StoredBooking>, StoreError>;
    /// Stores a new booking, or returns the one stored before under its id.
    async fn create(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<Option<StoredBooking>, StoreError>;
    /// Stores the outcome of a booking that is still pending; `false` if it is not any more.
    async fn settle(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<bool, StoreError>;
    /// Stores a booking whatever it was before (a cancel's outcome).
    async fn save(
        &self,
        credentials: &CredentialsRef,
        booking: &StoredBooking,
    ) -> Result<(), StoreError>;
    async fn check(&self) -> Result<(), String>;
}
