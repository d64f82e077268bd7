//! Failed-login limits per account: attempts are counted before the password is checked and
//! forgotten on success, so that at most `max_failures` guesses per window reach argon2, even
//! concurrent ones, and an unknown address is limited exactly like a known one.

use serde::{Deserialize, Serialize};

/// How many failed logins an account may have per window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptPolicy {
    pub max_failures: u32,
    pub window_seconds: i64,
}

/// Whose attempts are counted: the SHA-256 of the address as typed, trimmed and lower-cased,
/// so that a malformed or unknown address is counted like a known one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountKey(String);

impl AccountKey {
    pub fn of(raw_email: &str) -> Self {
        let normalised = raw_email.trim().to_lowercase();
        Self(shared::digest::sha256_hex(normalised.as_bytes()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The attempts of an account not yet followed by a success, in the current window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempts {
    pub count: u32,
    /// Seconds since the epoch; the window starts with its first attempt.
    pub window_ends_at: i64,
    /// Optimistic lock: each write stores the version after the one it read.
    pub version: u64,
    /// When DynamoDB's TTL may delete the item (the end of the window).
    pub expires_at: i64,
}

impl Attempts {
    /// What to store for one more attempt at `now` after `seen`, or the seconds until the
    /// account may try again when its failures are used up.
    pub fn next(seen: Option<&Self>, policy: &AttemptPolicy, now: i64) -> Result<Self, u64> {
        let version = seen.map_or(0, |seen| seen.version + 1);
        match seen {
            Some(seen) if now < seen.window_ends_at => {
                if seen.count >= policy.max_failures {
                    return Err(u64::try_from(seen.window_ends_at - now).unwrap_or(1));
                }
                Ok(Self {
                    count: seen.count + 1,
                    version,
                    ..seen.clone()
                })
            }
            _ => Ok(Self {
                count: 1,
                window_ends_at: now + policy.window_seconds,
                version,
                expires_at: now + policy.window_seconds,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: AttemptPolicy = AttemptPolicy {
        max_failures: 3,
        window_seconds: 900,
    };

    #[test]
    fn attempts_are_counted_up_to_the_limit_then_refused_until_the_window_ends() {
        let first = Attempts::next(None, &POLICY, 1_000).unwrap();
        assert_eq!(
            (first.count, first.window_ends_at, first.version),
            (1, 1_900, 0)
        );
        let second = Attempts::next(Some(&first), &POLICY, 1_100).unwrap();
        let third = Attempts::next(Some(&second), &POLICY, 1_200).unwrap();
        assert_eq!(
            (third.count, third.window_ends_at, third.version),
            (3, 1_900, 2)
        );
        assert_eq!(Attempts::next(Some(&third), &POLICY, 1_300), Err(600));
        assert_eq!(Attempts::next(Some(&third), &POLICY, 1_899), Err(1));
    }

    #[test]
    fn a_new_window_starts_when_the_last_one_ended() {
        let used_up = Attempts {
            count: 3,
            window_ends_at: 1_900,
            version: 7,
            expires_at: 1_900,
        };
        let fresh = Attempts::next(Some(&used_up), &POLICY, 1_900).unwrap();
        assert_eq!(
            (fresh.count, fresh.window_ends_at, fresh.version),
            (1, 2_800, 8)
        );
    }

    #[test]
    fn the_account_key_ignores_case_and_spaces_and_hides_the_address() {
        let key = AccountKey::of(" Anna@Example.com ");
        assert_eq!(key, AccountKey::of("anna@example.com"));
        assert!(!key.as_str().contains("anna"));
        assert_ne!(key, AccountKey::of("not-an-address"));
    }
}
