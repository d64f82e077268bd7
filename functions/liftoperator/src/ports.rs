//! What the facade needs from its registry and from the provider adapters, in domain types.

use crate::domain::{
    Booking, BookingItem, Day, ExternalOrderId, Operator, OperatorId, Product, ProviderRef,
};

pub use shared::table::StoreError;

/// The operator registry.
#[trait_variant::make(Send)]
pub trait OperatorStore {
    /// Stores a new operator; `false` if its id is taken.
    async fn create(&self, operator: &Operator) -> Result<bool, StoreError>;
    /// Replaces an operator that exists and is still as active as `was_active` (as read before);
    /// `false` if it is gone or was (de)activated meanwhile.
    async fn replace(&self, operator: &Operator, was_active: bool) -> Result<bool, StoreError>;
    async fn operator(&self, id: &OperatorId) -> Result<Option<Operator>, StoreError>;
    /// Every operator, active or not.
    async fn operators(&self) -> Result<Vec<Operator>, StoreError>;
    async fn check(&self) -> Result<(), String>;
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
#[trait_variant::make(Send)]
pub trait Providers {
    async fn products(&self, operator: &Operator, day: Day) -> Result<Vec<Product>, AdapterError>;
    /// Books `items`, each with its product's provider ids; `true` when it was new.
    async fn book(
        &self,
        operator: &Operator,
        id: &ExternalOrderId,
        items: &[(BookingItem, ProviderRef)],
    ) -> Result<(Booking, bool), AdapterError>;
    async fn booking(
        &self,
        operator: &Operator,
        id: &ExternalOrderId,
    ) -> Result<Booking, AdapterError>;
    async fn cancel(
        &self,
        operator: &Operator,
        id: &ExternalOrderId,
    ) -> Result<Booking, AdapterError>;
    /// The adapters' own status checks, for `GET /liftoperator/status`.
    async fn check_dta(&self) -> Result<(), String>;
    async fn check_axess(&self) -> Result<(), String>;
}
