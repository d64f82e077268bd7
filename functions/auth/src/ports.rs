//! What the auth rules need from storage, in domain types.

use crate::domain::{AccountKey, Attempts, Email, Family, FamilyId, RefreshRecord, User, UserId};

pub use shared::table::StoreError;

/// Why a write did not happen: what is stored refused it, or storage failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the e-mail address already has an account")]
    EmailTaken,
    #[error("the first admin was created before")]
    AdminExists,
    /// A conditional write lost: the token was rotated or its family revoked meanwhile.
    #[error("the refresh token changed concurrently")]
    Conflict,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Users, unique by e-mail.
#[trait_variant::make(Send)]
pub trait UserStore {
    /// Stores a new user, or [`WriteError::EmailTaken`].
    async fn create_user(&self, user: &User) -> Result<(), WriteError>;
    /// Stores the first admin; once only, then [`WriteError::AdminExists`].
    async fn create_first_admin(&self, user: &User) -> Result<(), WriteError>;
    async fn user_by_email(&self, email: &Email) -> Result<Option<User>, StoreError>;
    async fn user_by_id(&self, id: &UserId) -> Result<Option<User>, StoreError>;
}

/// Refresh tokens and their families.
#[trait_variant::make(Send)]
pub trait RefreshStore {
    /// Stores the first token of a new family (a login).
    async fn start_family(&self, first: &RefreshRecord) -> Result<(), StoreError>;
    async fn refresh_token(&self, hash: &str) -> Result<Option<RefreshRecord>, StoreError>;
    /// The family, if it is stored (it may have expired and been deleted).
    async fn family(&self, family: &FamilyId) -> Result<Option<Family>, StoreError>;
    /// Marks `old` rotated and stores `new` atomically, leaving the family's expiry as it is;
    /// [`WriteError::Conflict`] when `old` is no longer active or its family was revoked.
    async fn rotate(&self, old: &RefreshRecord, new: &RefreshRecord) -> Result<(), WriteError>;
    async fn revoke_family(&self, family: &FamilyId) -> Result<(), StoreError>;
}

/// Login attempts per account.
#[trait_variant::make(Send)]
pub trait AttemptStore {
    async fn attempts(&self, account: &AccountKey) -> Result<Option<Attempts>, StoreError>;
    /// Stores `next` if what is stored is still the version it was computed from; `false` if
    /// another attempt changed it meanwhile.
    async fn record_attempt(
        &self,
        account: &AccountKey,
        next: &Attempts,
    ) -> Result<bool, StoreError>;
    /// Forgets the account's attempts, after a successful login.
    async fn clear_attempts(&self, account: &AccountKey) -> Result<(), StoreError>;
}

/// A cheap check that storage answers, for `GET /auth/status`.
#[trait_variant::make(Send)]
pub trait HealthCheck {
    async fn check(&self) -> Result<(), String>;
}

/// Everything auth stores: users, refresh tokens, login attempts, and its status check.
pub trait AuthStore: UserStore + RefreshStore + AttemptStore + HealthCheck {}

impl<T: UserStore + RefreshStore + AttemptStore + HealthCheck> AuthStore for T {}
