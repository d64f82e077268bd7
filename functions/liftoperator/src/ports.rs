//! What the facade needs from its registry and from the provider adapters, in domain types.

use crate::domain::{
    Booking, BookingItem, Day, ExternalOrderId, Operator, OperatorId, Product, ProviderRef,
};
use std::future::Future;

pub use shared::table::StoreError;

/// The operator registry.
pub trait OperatorStore {
    /// Stores a new operator; `false` if its id is taken.
    fn create(&self, operator: &Operator) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Replaces an operator that exists and is still as active as `was_active` (as read before);
    /// `false` if it is gone or was (de)activated meanwhile.
    fn replace(
        &self,
        operator: &Operator,
        was_active: bool,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    fn operator(
        &self,
        id: &OperatorId,
    ) -> impl Future<Output = Result<Option<Operator>, StoreError>> + Send;
    /// Every operator, active or not.
    fn operators(&self) -> impl Future<Output = Result<Vec<Operator>, StoreError>> + Send;
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// Why an adapter gave no booking or products.
#[derive(Debug, thiserror::Error)]
pub enum AdapterError {
    #[error("{0}")]
    NotFound(String),
    #[error("{code}: {message}")]
    Conflict { code: String, message: String },
    /// The adapter answered that its provider failed: 502, 503 or 504 with a code.
    #[error("{status} {code}: {message}")]
    Provider {
        status: u16,
        code: String,
        message: String,
    },
    #[error("the {0} adapter did not answer in time")]
    Timeout(&'static str),
    #[error("the {0} adapter could not be reached: {1}")]
    Unreachable(&'static str, String),
    #[error("the {0} adapter's answer is malformed: {1}")]
    Malformed(&'static str, String),
    #[error("the {service} adapter answered {status} {code}")]
    Unexpected {
        service: &'static str,
        status: u16,
        code: String,
    },
    #[error("no service token for the {0} adapter")]
    Token(
        &'static str,
        #[source] shared::service_token::ServiceTokenError,
    ),
}

/// The provider adapters, chosen by each operator's provider.
pub trait Providers {
    fn products(
        &self,
        operator: &Operator,
        day: Day,
    ) -> impl Future<Output = Result<Vec<Product>, AdapterError>> + Send;
    /// Books `items`, each with its product's provider ids; `true` when it was new.
    fn book(
        &self,
        operator: &Operator,
        id: &ExternalOrderId,
        items: &[(BookingItem, ProviderRef)],
    ) -> impl Future<Output = Result<(Booking, bool), AdapterError>> + Send;
    fn booking(
        &self,
        operator: &Operator,
        id: &ExternalOrderId,
    ) -> impl Future<Output = Result<Booking, AdapterError>> + Send;
    fn cancel(
        &self,
        operator: &Operator,
        id: &ExternalOrderId,
    ) -> impl Future<Output = Result<Booking, AdapterError>> + Send;
    /// The adapters' own status checks, for `GET /liftoperator/status`.
    fn check_dta(&self) -> impl Future<Output = Result<(), String>> + Send;
    fn check_axess(&self) -> impl Future<Output = Result<(), String>> + Send;
}
