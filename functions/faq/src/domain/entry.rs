//! FAQ entries: ids, categories and texts that parse, and an admin's input.

use super::{Invalid, Locale};
use serde::{Deserialize, Serialize};
use shared::values::is_slug;
use time::OffsetDateTime;

/// The longest question, in characters.
pub const MAX_QUESTION: usize = 300;
/// The longest answer, in characters.
pub const MAX_ANSWER: usize = 10_000;
/// The highest position within a category.
pub const MAX_POSITION: u32 = 9_999;

/// An entry id: 1 to 64 lowercase letters, digits and '-'.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FaqId(String);

impl FaqId {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        is_slug(raw, 64)
            .then(|| Self(raw.to_owned()))
            .ok_or_else(|| Invalid::new("id", "must be 1 to 64 lowercase letters, digits or '-'"))
    }

    /// A new random id.
    pub fn new_random() -> Self {
        Self(uuid::Uuid::new_v4().to_string())
    }
}

shared::parsed_text!(FaqId);

/// A category: 1 to 40 lowercase letters, digits and '-', named by the front end.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Category(String);

impl Category {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        is_slug(raw, 40)
            .then(|| Self(raw.to_owned()))
            .ok_or_else(|| {
                Invalid::new(
                    "category",
                    "must be 1 to 40 lowercase letters, digits or '-'",
                )
            })
    }
}

shared::parsed_text!(Category);

/// An entry as stored and answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: FaqId,
    pub locale: Locale,
    pub category: Category,
    pub question: String,
    /// Plain text, Markdown allowed; never rendered here.
    pub answer: String,
    pub position: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// 1 when created, one more with every change.
    pub version: u64,
}

impl Entry {
    /// Whether `other` says the same (a repeated create).
    pub fn same_as(&self, other: &Entry) -> bool {
        (
            self.locale,
            &self.category,
            &self.question,
            &self.answer,
            self.position,
        ) == (
            other.locale,
            &other.category,
            &other.question,
            &other.answer,
            other.position,
        )
    }
}

/// What an admin sends to create an entry, or to change one (with the `version` read).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryInput {
    #[serde(default)]
    pub id: Option<FaqId>,
    #[serde(default)]
    pub locale: Option<Locale>,
    pub category: Category,
    pub question: String,
    pub answer: String,
    pub position: u32,
    #[serde(default)]
    pub version: Option<u64>,
}

/// `raw` trimmed, 1 to `max` characters, with no control characters but line breaks and tabs
/// where `multiline`.
fn text(field: &'static str, raw: &str, max: usize, multiline: bool) -> Result<String, Invalid> {
    let trimmed = raw.trim();
    let allowed = |c: char| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t'));
    let ok = !trimmed.is_empty() && trimmed.chars().count() <= max && trimmed.chars().all(allowed);
    ok.then(|| trimmed.to_owned())
        .ok_or_else(|| Invalid::new(field, format!("must be 1 to {max} characters of text")))
}

impl EntryInput {
    /// The entry this input describes as version `version`, in its locale or else `locale`.
    pub fn into_entry(
        self,
        id: FaqId,
        locale: Locale,
        version: u64,
        now: OffsetDateTime,
    ) -> Result<Entry, Invalid> {
        if self.position > MAX_POSITION {
            return Err(Invalid::new(
                "position",
                format!("must be 0 to {MAX_POSITION}"),
            ));
        }
        Ok(Entry {
            id,
            locale: self.locale.unwrap_or(locale),
            category: self.category,
            question: text("question", &self.question, MAX_QUESTION, false)?,
            answer: text("answer", &self.answer, MAX_ANSWER, true)?,
            position: self.position,
            updated_at: now.replace_nanosecond(0).unwrap_or(now),
            version,
        })
    }
}
