//! E-mail addresses, normalised so that one mailbox is one account.

use super::Invalid;
use serde::{Deserialize, Serialize};

const MAX_LEN: usize = 254;

/// A plausible e-mail address, trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Normalises and checks `raw`.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let email = raw.trim().to_lowercase();
        let invalid = || {
            Invalid::new(
                "email",
                format!("{:?} is not a valid e-mail address", raw.trim()),
            )
        };
        if email.len() > MAX_LEN || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid());
        }
        let (local, domain) = email.split_once('@').ok_or_else(invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.contains('@')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty() || !domain_ok {
            return Err(invalid());
        }
        Ok(Self(email))
    }
}

shared::parsed_text!(Email);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Anna.Berg@Example.COM ").unwrap().as_str(),
            "anna.berg@example.com"
        );
    }

    #[test]
    fn addresses_without_a_proper_domain_or_with_spaces_are_refused() {
        for raw in [
            "",
            "anna",
            "anna@",
            "@example.com",
            "anna@example",
            "anna@@example.com",
            "an na@example.com",
            "anna@example..com",
            "anna@.example.com",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw:?} was accepted");
        }
    }

    #[test]
    fn an_overlong_address_is_refused() {
        let raw = format!("{}@example.com", "a".repeat(250));
        assert_eq!(Email::parse(&raw).unwrap_err().field, "email");
    }
}
