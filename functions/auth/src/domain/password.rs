//! Passwords: length rules, and argon2id hashing (m = 19456 KiB, t = 2, p = 1).

use super::Invalid;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};

pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 128;

/// A password within the length rules; never truncated, never logged.
#[derive(Clone)]
pub struct Password(String);

/// An argon2id PHC string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PasswordHash(String);

fn argon2() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

impl Password {
    /// Checks the length of `raw`, counted in characters.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let chars = raw.chars().count();
        if chars < MIN_CHARS {
            return Err(Invalid::new(
                "password",
                format!("must have at least {MIN_CHARS} characters"),
            ));
        }
        if chars > MAX_CHARS {
            return Err(Invalid::new(
                "password",
                format!("must have at most {MAX_CHARS} characters"),
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    /// Hashes with a fresh salt. CPU-heavy: call from a blocking task.
    pub fn hash(&self) -> Result<PasswordHash, argon2::password_hash::Error> {
        let salt = SaltString::generate(&mut OsRng);
        Ok(PasswordHash(
            argon2()
                .hash_password(self.0.as_bytes(), &salt)?
                .to_string(),
        ))
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl PasswordHash {
    /// A hash of nothing anyone knows, verified against when the user does not exist so that
    /// an unknown e-mail takes as long as a wrong password.
    pub fn decoy() -> Self {
        Self("$argon2id$v=19$m=19456,t=2,p=1$c3RhcmphY2stZGVjb3k$2Y0cBW2C0CgPjlQJbYhH3vqdD0nRZ8Q3jA3hY1xT5dE".to_owned())
    }

    /// Whether `candidate` matches. CPU-heavy: call from a blocking task.
    pub fn verify(&self, candidate: &str) -> bool {
        argon2::password_hash::PasswordHash::new(&self.0).is_ok_and(|parsed| {
            argon2()
                .verify_password(candidate.as_bytes(), &parsed)
                .is_ok()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_overlong_passwords_are_refused_not_truncated() {
        assert!(Password::parse("123456789").is_err());
        assert!(Password::parse(&"x".repeat(129)).is_err());
        assert!(Password::parse(&"x".repeat(128)).is_ok());
        assert!(
            Password::parse("ääääääääää").is_ok(),
            "length counts characters, not bytes"
        );
    }

    #[test]
    fn a_hash_is_argon2id_with_the_agreed_cost_and_verifies_only_its_password() {
        let hash = Password::parse("correct horse battery")
            .unwrap()
            .hash()
            .unwrap();
        assert!(hash.0.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(hash.verify("correct horse battery"));
        assert!(!hash.verify("correct horse battery "));
    }

    #[test]
    fn the_decoy_hash_parses_and_matches_nothing() {
        assert!(argon2::password_hash::PasswordHash::new(&PasswordHash::decoy().0).is_ok());
        assert!(!PasswordHash::decoy().verify("password123"));
    }

    #[test]
    fn a_password_never_shows_in_debug_output() {
        assert_eq!(
            format!("{:?}", Password::parse("secret-secret").unwrap()),
            "Password(***)"
        );
    }
}
