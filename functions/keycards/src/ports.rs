//! What the keycard rules need from storage, the card supplier and the mail service, in
//! domain types.

use crate::domain::{Keycard, KeycardId, MailKind, SupplierCard};
use std::future::Future;

pub use shared::provider::ProviderError;
pub use shared::table::StoreError;

/// Keycards by id, by owner and by how long ago they last changed.
pub trait KeycardStore {
    /// Stores a new keycard.
    fn create(&self, keycard: &Keycard) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn keycard(
        &self,
        id: &KeycardId,
    ) -> impl Future<Output = Result<Option<Keycard>, StoreError>> + Send;
    /// The keycards `owner` ordered, newest first.
    fn owned_by(
        &self,
        owner: &str,
    ) -> impl Future<Output = Result<Vec<Keycard>, StoreError>> + Send;
    /// Replaces the keycard if it is still at `keycard.version - 1`; `false` if it changed.
    fn advance(&self, keycard: &Keycard) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Up to `limit` keycards not final whose last change is before `before`, oldest first.
    fn unchanged_since(
        &self,
        before: &str,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<Keycard>, StoreError>> + Send;
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// The keycard supplier's API.
pub trait Supplier {
    /// Orders the card with our keycard id as `externalId`; the supplier keeps one order per
    /// external id, so sending it again answers the same order.
    fn order(
        &self,
        keycard: &Keycard,
    ) -> impl Future<Output = Result<SupplierCard, ProviderError>> + Send;
    fn card(
        &self,
        card_order_id: &str,
    ) -> impl Future<Output = Result<SupplierCard, ProviderError>> + Send;
    /// A status event the supplier posted: the `externalId` it names, and the card.
    fn event(&self, body: &[u8]) -> Result<(String, SupplierCard), ProviderError>;
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// Why a mail could not be queued.
#[derive(Debug, thiserror::Error)]
#[error("queueing the {template} mail failed")]
pub struct NotifyError {
    pub template: &'static str,
    #[source]
    pub source: Box<dyn std::error::Error + Send + Sync>,
}

/// Mails to the customer who owns a keycard, queued for the mail service; one per keycard and
/// kind however often it is queued.
pub trait Notifier {
    fn notify(
        &self,
        keycard: &Keycard,
        kind: MailKind,
    ) -> impl Future<Output = Result<(), NotifyError>> + Send;
}
