//! A customer's order of a keycard: the holder, their birth date and where to ship it, each
//! parsed before anything is stored or sent.

use super::{Day, Invalid};
use serde::{Deserialize, Serialize};

const MAX_CHARS: usize = 100;

fn text(field: &'static str, raw: &str) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.is_empty() || value.chars().count() > MAX_CHARS {
        return Err(Invalid::new(
            field,
            format!("must have 1 to {MAX_CHARS} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Invalid::new(field, "must not contain control characters"));
    }
    Ok(value.to_owned())
}

/// The name printed on the card: 1 to 100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HolderName(String);

impl HolderName {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        text("holder_name", raw).map(Self)
    }
}

shared::parsed_text!(HolderName);

/// Where the card is shipped; `country` is two capital letters (ISO 3166-1 alpha-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
}

impl Address {
    /// Checks every field, trimming them.
    pub fn parse(raw: Address) -> Result<Self, Invalid> {
        let country = raw.country.trim();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Invalid::new(
                "shipping_address.country",
                "must be two capital letters, such as AT",
            ));
        }
        Ok(Self {
            name: raw
                .name
                .filter(|name| !name.trim().is_empty())
                .map(|name| text("shipping_address.name", &name))
                .transpose()?,
            street: text("shipping_address.street", &raw.street)?,
            postal_code: text("shipping_address.postal_code", &raw.postal_code)?,
            city: text("shipping_address.city", &raw.city)?,
            country: country.to_owned(),
        })
    }
}

/// The body of `POST /keycards` as sent.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeycardRequest {
    pub holder_name: String,
    pub birth_date: String,
    pub shipping_address: Address,
}

/// A keycard order that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewKeycard {
    pub holder_name: HolderName,
    pub birth_date: Day,
    pub shipping_address: Address,
}

impl NewKeycard {
    /// Checks the request; the birth date lies between 1900 and `today`.
    pub fn parse(request: KeycardRequest, today: time::Date) -> Result<Self, Invalid> {
        let birth_date = Day::parse("birth_date", request.birth_date.trim())?;
        let earliest = Day::parse("birth_date", "1900-01-01")?;
        let today = Day::parse("birth_date", &today.to_string())?;
        if birth_date < earliest || birth_date > today {
            return Err(Invalid::new(
                "birth_date",
                "must lie between 1900-01-01 and today",
            ));
        }
        Ok(Self {
            holder_name: HolderName::parse(&request.holder_name)?,
            birth_date,
            shipping_address: Address::parse(request.shipping_address)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn request(birth_date: &str, country: &str) -> KeycardRequest {
        KeycardRequest {
            holder_name: " Anna Muster ".into(),
            birth_date: birth_date.into(),
            shipping_address: Address {
                name: None,
                street: "Maria-Theresien-Straße 1".into(),
                postal_code: "6020".into(),
                city: "Innsbruck".into(),
                country: country.into(),
            },
        }
    }

    #[test]
    fn a_valid_order_is_trimmed_and_kept() {
        let order = NewKeycard::parse(request("1990-02-28", "AT"), date!(2026 - 11 - 30)).unwrap();
        assert_eq!(order.holder_name.as_str(), "Anna Muster");
        assert_eq!(order.birth_date.to_string(), "1990-02-28");
    }

    #[test]
    fn a_birth_date_in_the_future_or_malformed_and_a_bad_country_are_refused() {
        let today = date!(2026 - 11 - 30);
        assert_eq!(
            NewKeycard::parse(request("2027-01-01", "AT"), today)
                .unwrap_err()
                .field,
            "birth_date"
        );
        assert!(NewKeycard::parse(request("1990-02-30", "AT"), today).is_err());
        assert_eq!(
            NewKeycard::parse(request("1990-02-28", "at"), today)
                .unwrap_err()
                .field,
            "shipping_address.country"
        );
    }
}
