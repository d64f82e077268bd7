//! What the weather rules need from storage and from the weather provider, in domain types.

use crate::domain::{Lang, Location, Report, WeatherKey};
use shared::expiring::EntryStore;
use std::future::Future;

pub use shared::provider::ProviderError;
pub use shared::table::StoreError;

/// The kept reports: one entry with an explicit expiry per [`WeatherKey`], refreshed by one
/// caller at a time (`shared::expiring`).
pub trait WeatherStore: EntryStore<WeatherKey, Report> {}

/// The weather provider.
pub trait Weather {
    /// The current weather at `at`, described in `lang`.
    fn current(
        &self,
        at: Location,
        lang: Lang,
    ) -> impl Future<Output = Result<Report, ProviderError>> + Send;
    /// A cheap call that shows the provider answers and takes our key.
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}
