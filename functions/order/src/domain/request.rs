//! What a customer asks for: up to 20 tickets, each a product of an operator on a day onto one
//! of their keycards. Prices are never taken from the request: a request that names one is
//! refused.

use super::{Day, Invalid};
use serde::{Deserialize, Serialize};
use shared::values::{MAX_ITEMS, is_word};
use std::collections::HashSet;
use time::{Date, Duration, Month, OffsetDateTime, UtcOffset, Weekday};

/// How far ahead a ticket may be bought.
const MAX_DAYS_AHEAD: i64 = 180;

/// One ticket asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRequest {
    pub operator_id: String,
    pub product_id: String,
    pub date: Day,
    pub keycard_id: String,
}

/// `POST /orders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderRequest {
    pub items: Vec<ItemRequest>,
}

impl OrderRequest {
    /// Checks the items against `today` (the operators' local date); the (keycard, operator,
    /// day) triples that repeat are `Err` with the first one.
    pub fn validate(&self, today: Date) -> Result<(), Invalid> {
        if self.items.is_empty() || self.items.len() > MAX_ITEMS {
            return Err(Invalid::new(
                "items",
                format!("must hold 1 to {MAX_ITEMS} tickets"),
            ));
        }
        let last = today + Duration::days(MAX_DAYS_AHEAD);
        let mut seen = HashSet::new();
        for item in &self.items {
            for (field, value) in [
                ("operator_id", &item.operator_id),
                ("product_id", &item.product_id),
                ("keycard_id", &item.keycard_id),
            ] {
                if !is_word(value, 64, b"-_.~") {
                    return Err(Invalid::new(field, "is not an id"));
                }
            }
            if item.date.date() < today || item.date.date() > last {
                return Err(Invalid::new(
                    "date",
                    format!("must be from today to {MAX_DAYS_AHEAD} days ahead"),
                ));
            }
            if !seen.insert((&item.keycard_id, &item.operator_id, item.date)) {
                return Err(Invalid::new(
                    "items",
                    "hold two tickets of one operator for one day on one keycard",
                ));
            }
        }
        Ok(())
    }
}

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let mut day = Date::from_calendar_date(year, month, 31).ok()?;
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day()?;
    }
    Some(day)
}

/// Today in Vienna, where every demo operator is: UTC+1, +2 in summer time (from the last
/// Sunday of March to the last Sunday of October, changing at 01:00 UTC).
pub fn vienna_today(now: OffsetDateTime) -> Date {
    let year = now.year();
    let summer = match (
        last_sunday(year, Month::March),
        last_sunday(year, Month::October),
    ) {
        (Some(start), Some(end)) => {
            let change = |day: Date| day.with_hms(1, 0, 0).map(|at| at.assume_utc());
            matches!((change(start), change(end)), (Ok(from), Ok(to)) if now >= from && now < to)
        }
        _ => false,
    };
    let hours = if summer { 2 } else { 1 };
    let offset = UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC);
    now.to_offset(offset).date()
}

#[cfg(test)]
mod tests;
