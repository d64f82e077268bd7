//! What the keycard rules need from storage, the card supplier and the mail service, in
//! domain types.

use crate::domain::{Keycard, KeycardId, MailKind, SupplierCard};

pub use shared::provider::ProviderError;
pub use shared::table::StoreError;

/// Keycards by id, by owner and by how long ago they last changed.
#[trait_variant::make(Send)]
pub trait KeycardStore {
    /// Stores a new keycard.
    async fn create(&self, keycard: &Keycard) -> Result<(), StoreError>;
    async fn keycard(&self, id: &KeycardId) -> Result<Option<Keycard>, StoreError>;
    /// The keycards `owner` ordered, newest first.
    async fn owned_by(&self, owner: &str) -> Result<Vec<Keycard>, StoreError>;
    /// Replaces the keycard if it is still at `keycard.version - 1`; `false` if it changed.
    async fn advance(&self, keycard: &Keycard) -> Result<bool, StoreError>;
    /// Up to `limit` keycards not final whose last change is before `before`, oldest first.
    async fn unchanged_since(&self, before: &str, limit: usize)
    -> Result<Vec<Keycard>, StoreError>;
    async fn check(&self) -> Result<(), String>;
}

/// The keycard supplier's API.
#[trait_variant::make(Send)]
pub trait Supplier {
    /// Orders the card with our keycard id as `externalId`; the supplier keeps one order per
    /// external id, so sending it again answers the same order.
    async fn order(&self, keycard: &Keycard) -> Result<SupplierCard, ProviderError>;
    async fn card(&self, card_order_id: &str) -> Result<SupplierCard, ProviderError>;
    /// A status event the supplier posted: the `externalId` it names, and the card.
    fn event(&self, body: &[u8]) -> Result<(String, SupplierCard), ProviderError>;
    async fn check(&self) -> Result<(), String>;
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
#[trait_variant::make(Send)]
pub trait Notifier {
    async fn notify(&self, keycard: &Keycard, kind: MailKind) -> Result<(), NotifyError>;
}
