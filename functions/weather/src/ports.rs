//! What the weather rules need from storage and from the weather provider, in domain types.

use crate::domain::{Lang, Location, Report, WeatherKey};
use shared::expiring::EntryStore;

pub use shared::provider::ProviderError;
pub use shared::table::StoreError;

/// The kept reports: one entry with an explicit expiry per [`WeatherKey`], refreshed by one
/// caller at a time (`shared::expiring`).
#[trait_variant::make(Send)]
pub trait WeatherStore: EntryStore<WeatherKey, Report> {}

/// The weather provider.
#[trait_variant::make(Send)]
pub trait Weather {
    /// The current weather at `at`, described in `lang`.
    async fn current(&self, at: Location, lang: Lang) -> Result<Report, ProviderError>;
    /// A cheap call that shows the provider answers and takes our key.
    async fn check(&self) -> Result<(), String>;
}
