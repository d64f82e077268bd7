//! The entries are the faq table's items (string hash key `pk` = `FAQ#<id>`); a change is
//! written only over the version it was made from.

use crate::domain::{Entry, FaqId};
use crate::ports::{FaqStore, StoreError};
use shared::table::{Guard, Table};

const PREFIX: &str = "FAQ#";

fn pk(id: &FaqId) -> String {
    format!("{PREFIX}{id}")
}

impl FaqStore for Table {
    async fn create(&self, entry: &Entry) -> Result<Option<Entry>, StoreError> {
        Table::create(self, &pk(&entry.id), entry).await
    }

    async fn entry(&self, id: &FaqId) -> Result<Option<Entry>, StoreError> {
        self.get(&pk(id)).await
    }

    async fn replace(&self, entry: &Entry, read: u64) -> Result<bool, StoreError> {
        let unchanged = Guard::equals("version", &read)?;
        self.put(&pk(&entry.id), entry, unchanged).await
    }

    async fn delete(&self, id: &FaqId) -> Result<bool, StoreError> {
        Table::delete(self, &pk(id), Guard::Present).await
    }

    async fn entries(&self) -> Result<Vec<Entry>, StoreError> {
        self.scan_prefix(PREFIX).await
    }

    async fn check(&self) -> Result<(), String> {
        Table::check(self).await
    }
}
