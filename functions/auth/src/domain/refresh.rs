//! Refresh tokens: opaque random secrets, stored only as their SHA-256, grouped in families
//! so that reuse of a rotated token revokes every token descended from the same login. A
//! family has an absolute lifetime from its login that rotation never extends (RFC 9700
//! §4.14.2).

use aws_lc_rs::rand;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The secret handed to the client; 256 random bits. Only its hash is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct RefreshSecret(String);

impl RefreshSecret {
    pub fn generate() -> Result<Self, aws_lc_rs::error::Unspecified> {
        let mut bytes = [0u8; 32];
        rand::fill(&mut bytes)?;
        Ok(Self(URL_SAFE_NO_PAD.encode(bytes)))
    }

    /// What the client presented; anything is accepted, since it is only ever looked up by hash.
    pub fn presented(raw: &str) -> Self {
        Self(raw.trim().to_owned())
    }

    /// The lookup key under which the token is stored.
    pub fn hash(&self) -> String {
        shared::digest::sha256_hex(self.0.as_bytes())
    }

    /// The secret itself, for the response body only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for RefreshSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RefreshSecret(***)")
    }
}

/// The family of refresh tokens that descend from one login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FamilyId(String);

impl FamilyId {
    pub fn generate() -> Self {
        Self(uuid::Uuid::new_v4().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The state of a family as stored beside its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Family {
    pub user_id: String,
    pub revoked: bool,
    /// Seconds since the epoch: the login's time plus the refresh lifetime, never renewed.
    pub expires_at: i64,
}

impl Family {
    /// The family of the login that issued `first`; it ends when `first` does.
    pub fn started_by(first: &RefreshRecord) -> Self {
        Self {
            user_id: first.user_id.clone(),
            revoked: false,
            expires_at: first.expires_at,
        }
    }

    /// Whether its tokens may still be exchanged at `now`.
    pub fn is_live(&self, now: i64) -> bool {
        !self.revoked && now < self.expires_at
    }
}

/// Whether a refresh token may still be exchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RefreshStatus {
    Active,
    /// Exchanged once already; presenting it again is reuse.
    Rotated,
}

/// A stored refresh token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefreshRecord {
    pub token_hash: String,
    pub user_id: String,
    pub family_id: FamilyId,
    pub status: RefreshStatus,
    /// Seconds since the epoch.
    pub expires_at: i64,
}

impl RefreshRecord {
    /// A new active token of `family` for `user_id`, expiring `ttl_seconds` from `now`.
    pub fn issue(
        secret: &RefreshSecret,
        user_id: &str,
        family_id: FamilyId,
        now: i64,
        ttl_seconds: i64,
    ) -> Self {
        Self {
            token_hash: secret.hash(),
            user_id: user_id.to_owned(),
            family_id,
            status: RefreshStatus::Active,
            expires_at: now + ttl_seconds,
        }
    }

    /// The token that replaces this one in a rotation: same user and family, expiring when
    /// the family does, however late in its life the rotation happens.
    pub fn successor(&self, secret: &RefreshSecret, family: &Family) -> Self {
        Self {
            token_hash: secret.hash(),
            user_id: self.user_id.clone(),
            family_id: self.family_id.clone(),
            status: RefreshStatus::Active,
            expires_at: family.expires_at,
        }
    }

    pub fn is_expired(&self, now: i64) -> bool {
        now >= self.expires_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_long_random_and_hashed_for_storage() {
        let a = RefreshSecret::generate().unwrap();
        let b = RefreshSecret::generate().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), 43);
        assert_eq!(a.hash().len(), 64);
        assert_ne!(a.hash(), a.expose());
        assert_eq!(RefreshSecret::presented(a.expose()).hash(), a.hash());
    }

    #[test]
    fn a_record_expires_at_its_deadline() {
        let secret = RefreshSecret::generate().unwrap();
        let record = RefreshRecord::issue(&secret, "u-1", FamilyId::generate(), 1_000, 60);
        assert!(!record.is_expired(1_059));
        assert!(record.is_expired(1_060));
    }

    #[test]
    fn a_rotation_late_in_the_family_life_does_not_extend_it() {
        let secret = RefreshSecret::generate().unwrap();
        let first = RefreshRecord::issue(&secret, "u-1", FamilyId::generate(), 1_000, 60);
        let family = Family::started_by(&first);
        let next = first.successor(&RefreshSecret::generate().unwrap(), &family);
        assert_eq!(next.expires_at, 1_060);
        assert_eq!(next.family_id, first.family_id);
        assert!(family.is_live(1_059));
        assert!(!family.is_live(1_060));
        assert!(
            !Family {
                revoked: true,
                ..family
            }
            .is_live(1_000)
        );
    }
}
