//! What the faq rules need from storage, in domain types.

use crate::domain::{Entry, FaqId};
use std::future::Future;

pub use shared::table::StoreError;

/// The entries.
pub trait FaqStore {
    /// Stores a new entry; the entry stored under its id before, if there was one.
    fn create(
        &self,
        entry: &Entry,
    ) -> impl Future<Output = Result<Option<Entry>, StoreError>> + Send;
    fn entry(&self, id: &FaqId) -> impl Future<Output = Result<Option<Entry>, StoreError>> + Send;
    /// Replaces the entry if it is still at version `read`; `false` if it is gone or changed.
    fn replace(
        &self,
        entry: &Entry,
        read: u64,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Removes the entry; `false` if there was none.
    fn delete(&self, id: &FaqId) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Every entry, in every locale.
    fn entries(&self) -> impl Future<Output = Result<Vec<Entry>, StoreError>> + Send;
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}
