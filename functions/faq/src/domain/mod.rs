//! The faq rules, free of AWS and HTTP: locales, entries and their bounds, and which entries
//! a reader of a locale sees.

pub mod entry;
mod locale;

pub use entry::{Category, Entry, EntryInput, FaqId};
pub use locale::{Locale, select};
pub use shared::values::Invalid;

#[cfg(test)]
mod tests;
