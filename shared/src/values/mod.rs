//! Values of the booking contract between the lift-operator facade and the ticket-provider
//! adapters, which exist only once parsed: days, external order ids, credentials references,
//! keycards, money, and what every booking's items share.

mod booking;
mod products;
mod text;

pub use booking::{Category, MAX_ITEMS, check_items, fingerprint};
pub use products::{AxessTariff, SkidataProduct};
pub use text::{is_slug, is_word};

use serde::{Deserialize, Serialize};
use std::fmt;

/// An input that cannot be used, naming the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} {reason}")]
pub struct Invalid {
    pub field: &'static str,
    pub reason: String,
}

impl Invalid {
    pub fn new(field: &'static str, reason: impl Into<String>) -> Self {
        Self {
            field,
            reason: reason.into(),
        }
    }
}

const DAY_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// A calendar day, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day(time::Date);

impl Day {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Invalid> {
        time::Date::parse(raw, DAY_FORMAT)
            .map(Self)
            .map_err(|_| Invalid::new(field, "must be a date written YYYY-MM-DD"))
    }

    /// The calendar date.
    pub fn date(self) -> time::Date {
        self.0
    }
}

impl TryFrom<String> for Day {
    type Error = Invalid;
    fn try_from(raw: String) -> Result<Self, Invalid> {
        Self::parse("date", &raw)
    }
}

impl From<Day> for String {
    fn from(day: Day) -> Self {
        day.to_string()
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.format(DAY_FORMAT).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

crate::token_type!(
    /// The caller's order id; one booking per id (providers deduplicate by it).
    ExternalOrderId,
    "external_order_id",
    64
);
crate::token_type!(
    /// The name of a set of provider credentials that the provider's adapter holds.
    CredentialsRef,
    "credentials",
    64
);

/// The keycard a ticket is written onto.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keycard {
    pub chip_id: String,
    pub serial_number: String,
    pub luhn_number: String,
}

impl Keycard {
    /// Checks each number's shape.
    pub fn validate(&self) -> Result<(), Invalid> {
        let alnum = |value: &str| {
            !value.is_empty()
                && value.len() <= 64
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        };
        if !alnum(&self.chip_id) {
            return Err(Invalid::new(
                "keycard.chip_id",
                "must be 1 to 64 letters, digits or '-'",
            ));
        }
        if !alnum(&self.serial_number) {
            return Err(Invalid::new(
                "keycard.serial_number",
                "must be 1 to 64 letters, digits or '-'",
            ));
        }
        let digits = !self.luhn_number.is_empty()
            && self.luhn_number.len() <= 32
            && self.luhn_number.bytes().all(|b| b.is_ascii_digit());
        if !digits {
            return Err(Invalid::new(
                "keycard.luhn_number",
                "must be 1 to 32 digits",
            ));
        }
        Ok(())
    }
}

/// An amount in integer cents with its ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub amount_cents: i64,
    pub currency: String,
}

impl fmt::Display for Money {
    /// `EUR 59.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.amount_cents < 0 { "-" } else { "" };
        let cents = self.amount_cents.unsigned_abs();
        write!(
            f,
            "{} {sign}{}.{:02}",
            self.currency,
            cents / 100,
            cents % 100
        )
    }
}

/// Larger prices are refused as implausible.
const MAX_CENTS: i64 = 10_000_000;

impl Money {
    /// Parses a decimal amount such as `59`, `59.5` or `59.90` (never an exponent or more than
    /// two decimals) and a three-letter currency.
    pub fn from_decimal(amount: &str, currency: &str) -> Result<Self, Invalid> {
        let bad = || Invalid::new("price", format!("{amount:?} is not an amount of money"));
        let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty()
            || whole.len() > 9
            || !digits(whole)
            || fraction.len() > 2
            || !digits(fraction)
        {
            return Err(bad());
        }
        let whole: i64 = whole.parse().map_err(|_| bad())?;
        let fraction: i64 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
        let amount_cents = whole * 100 + fraction;
        if amount_cents > MAX_CENTS {
            return Err(bad());
        }
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Invalid::new(
                "currency",
                format!("{currency:?} is not an ISO 4217 code"),
            ));
        }
        Ok(Self {
            amount_cents,
            currency: currency.to_owned(),
        })
    }

    /// Checks an amount read from elsewhere: not negative, a three-letter currency.
    pub fn check(&self) -> Result<(), Invalid> {
        let currency_ok =
            self.currency.len() == 3 && self.currency.bytes().all(|b| b.is_ascii_uppercase());
        if self.amount_cents < 0 || !currency_ok {
            return Err(Invalid::new(
                "price",
                "must be a non-negative amount in an ISO 4217 currency",
            ));
        }
        Ok(())
    }
}

/// The language of a customer's mails: `de` or `en`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    De,
    #[default]
    En,
}

impl Locale {
    /// The first of `de` and `en` an `Accept-Language` header names; `en` otherwise.
    pub fn from_accept_language(header: Option<&str>) -> Self {
        let first = header
            .unwrap_or_default()
            .split(',')
            .map(|part| part.trim().to_ascii_lowercase())
            .find(|tag| tag.starts_with("de") || tag.starts_with("en"));
        match first {
            Some(tag) if tag.starts_with("de") => Self::De,
            _ => Self::En,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::De => "de",
            Self::En => "en",
        }
    }
}

#[cfg(test)]
mod tests;
