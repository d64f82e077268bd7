//! Travel times are kept in the maps table as `shared::expiring` entries under
//! `TRAVEL#<operator>@<lat>,<lng>#<mode>#<rounded origin>`: an operator that moves starts afresh.

use crate::domain::TravelKey;
use crate::ports::TravelStore;
use shared::expiring::EntryKey;
use shared::table::Table;

impl EntryKey for TravelKey {
    fn entry_key(&self) -> String {
        let to = self.destination;
        let (mode, from) = (self.mode.as_str(), self.from.as_text());
        format!(
            "TRAVEL#{}@{:.4},{:.4}#{mode}#{from}",
            self.operator_id, to.lat, to.lng
        )
    }
}

impl TravelStore for Table {}
