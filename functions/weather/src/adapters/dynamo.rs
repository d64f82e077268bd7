//! Reports are kept in the weather table as `shared::expiring` entries under
//! `WEATHER#<operator>#<lang>#<lat>,<lng>`: an operator that moves starts afresh.

use crate::domain::{Location, WeatherKey};
use crate::ports::WeatherStore;
use shared::expiring::EntryKey;
use shared::table::Table;

impl EntryKey for WeatherKey {
    fn entry_key(&self) -> String {
        let Location { lat, lng } = self.location;
        format!(
            "WEATHER#{}#{}#{lat:.4},{lng:.4}",
            self.operator_id,
            self.lang.as_str()
        )
    }
}

impl WeatherStore for Table {}
