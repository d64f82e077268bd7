//! What the faq rules need from storage, in domain types.

use crate::domain::{Entry, FaqId};

pub use shared::table::StoreError;

/// The entries.
#[trait_variant::make(Send)]
pub trait FaqStore {
    /// Stores a new entry; the entry stored under its id before, if there was one.
    async fn create(&self, entry: &Entry) -> Result<Option<Entry>, StoreError>;
    async fn entry(&self, id: &FaqId) -> Result<Option<Entry>, StoreError>;
    /// Replaces the entry if it is still at version `read`; `false` if it is gone or changed.
    async fn replace(&self, entry: &Entry, read: u64) -> Result<bool, StoreError>;
    /// Removes the entry; `false` if there was none.
    async fn delete(&self, id: &FaqId) -> Result<bool, StoreError>;
    /// Every entry, in every locale.
    async fn entries(&self) -> Result<Vec<Entry>, StoreError>;
    async fn check(&self) -> Result<(), String>;
}
