//! What the maps rules need from storage and from the route search, in domain types.

use crate::domain::{Location, Mode, Travel, TravelKey};
use shared::expiring::EntryStore;

pub use shared::provider::ProviderError;
pub use shared::table::StoreError;

/// The kept travel times: one entry with an explicit expiry per [`TravelKey`], refreshed by
/// one caller at a time (`shared::expiring`).
#[trait_variant::make(Send)]
pub trait TravelStore: EntryStore<TravelKey, Travel> {}

/// The route search (Google's Distance Matrix).
#[trait_variant::make(Send)]
pub trait Routes {
    /// The way from `from` to `to` by `mode`, or that there is none.
    async fn travel(
        &self,
        from: Location,
        to: Location,
        mode: Mode,
    ) -> Result<Travel, ProviderError>;
    /// A cheap search that shows the provider answers and takes our key.
    async fn check(&self) -> Result<(), String>;
}
