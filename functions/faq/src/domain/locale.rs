//! The locales entries are written in, and what a reader of one sees.

use super::{Entry, Invalid};
use serde::{Deserialize, Serialize};
use shared::values::is_word;
use std::collections::BTreeSet;

/// A locale entries are written in; English is the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    De,
}

impl Locale {
    /// The locale a reader asks for (`de`, `de-AT`, `en-GB`, ...): German for German, English
    /// for every other language and when none is asked for.
    pub fn for_reader(raw: Option<&str>) -> Result<Self, Invalid> {
        let Some(tag) = raw.map(str::trim).filter(|tag| !tag.is_empty()) else {
            return Ok(Self::En);
        };
        if !is_word(tag, 35, b"-_") {
            return Err(Invalid::new(
                "locale",
                "must be a language tag such as de or en",
            ));
        }
        let language = tag.split(['-', '_']).next().unwrap_or_default();
        Ok(if language.eq_ignore_ascii_case("de") {
            Self::De
        } else {
            Self::En
        })
    }
}

/// What a reader of `locale` sees, ordered by category and position: the entries of that
/// locale, and English ones at every category and position it has none.
pub fn select(entries: &[Entry], locale: Locale) -> Vec<&Entry> {
    let own: BTreeSet<(&str, u32)> = entries
        .iter()
        .filter(|e| e.locale == locale)
        .map(|e| (e.category.as_str(), e.position))
        .collect();
    let mut shown: Vec<&Entry> = entries
        .iter()
        .filter(|e| {
            e.locale == locale
                || (e.locale == Locale::En && !own.contains(&(e.category.as_str(), e.position)))
        })
        .collect();
    shown.sort_by(|a, b| {
        (a.category.as_str(), a.position, a.id.as_str()).cmp(&(
            b.category.as_str(),
            b.position,
            b.id.as_str(),
        ))
    });
    shown
}
