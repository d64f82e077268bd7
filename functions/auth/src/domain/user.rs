//! Users and their profile.

use super::{Email, Invalid, PasswordHash};
use serde::{Deserialize, Serialize};
use shared::token::Role;
use std::fmt;

const MAX_NAME_CHARS: usize = 100;

/// A user's id: a random UUID, the `sub` of their tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(String);

impl UserId {
    pub fn generate() -> Self {
        Self(uuid::Uuid::new_v4().to_string())
    }

    /// The id from a verified token's subject.
    pub fn from_subject(subject: &str) -> Self {
        Self(subject.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's name as they want to be addressed: 1 to 100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let name = raw.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(Invalid::new(
                "name",
                format!("must have 1 to {MAX_NAME_CHARS} characters"),
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(Invalid::new("name", "must not contain control characters"));
        }
        Ok(Self(name.to_owned()))
    }
}

shared::parsed_text!(DisplayName);

/// A registered user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub name: DisplayName,
    pub password_hash: PasswordHash,
    pub roles: Vec<Role>,
    /// RFC 3339.
    pub created_at: String,
}

impl User {
    /// A new user with `roles`, created now.
    pub fn new(
        email: Email,
        name: DisplayName,
        password_hash: PasswordHash,
        roles: Vec<Role>,
    ) -> Self {
        let created_at = time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        Self {
            id: UserId::generate(),
            email,
            name,
            password_hash,
            roles,
            created_at,
        }
    }

    /// What the user may see of themselves.
    pub fn profile(&self) -> serde_json::Value {
        serde_json::json!({
            "id": self.id, "email": self.email, "name": self.name,
            "roles": self.roles, "created_at": self.created_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_must_not_be_empty_or_overlong() {
        assert_eq!(
            String::from(DisplayName::parse("  Anna Berg ").unwrap()),
            "Anna Berg"
        );
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse(&"a".repeat(101)).is_err());
        assert!(DisplayName::parse("Anna\u{0}").is_err());
    }

    #[test]
    fn the_profile_never_shows_the_password_hash() {
        let user = User::new(
            Email::parse("anna@example.com").unwrap(),
            DisplayName::parse("Anna").unwrap(),
            PasswordHash::decoy(),
            vec![Role::Customer],
        );
        let profile = user.profile().to_string();
        assert!(!profile.contains("argon2"));
        assert!(profile.contains("anna@example.com"));
    }
}
