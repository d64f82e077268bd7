//! What the auth rules need from storage, in domain types.

use crate::domain::{AccountKey, Attempts, Email, Family, FamilyId, RefreshRecord, User, UserId};
use std::future::Future;

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
pub trait UserStore {
    /// Stores a new user, or [`WriteError::EmailTaken`].
    fn create_user(&self, user: &User) -> impl Future<Output = Result<(), WriteError>> + Send;
    /// Stores the first admin; once only, then [`WriteError::AdminExists`].
    fn create_first_admin(
        &self,
        user: &User,
    ) -> impl Future<Output = Result<(), WriteError>> + Send;
    fn user_by_email(
        &self,
        email: &Email,
    ) -> impl Future<Output = Result<Option<User>, StoreError>> + Send;
    fn user_by_id(
        &self,
        id: &UserId,
    ) -> impl Future<Output = Result<Option<User>, StoreError>> + Send;
}

/// Refresh tokens and their families.
pub trait RefreshStore {
    /// Stores the first token of a new family (a login).
    fn start_family(
        &self,
        first: &RefreshRecord,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn refresh_token(
        &self,
        hash: &str,
    ) -> impl Future<Output = Result<Option<RefreshRecord>, StoreError>> + Send;
    /// The family, if it is stored (it may have expired and been deleted).
    fn family(
        &self,
        family: &FamilyId,
    ) -> impl Future<Output = Result<Option<Family>, StoreError>> + Send;
    /// Marks `old` rotated and stores `new` atomically, leaving the family's expiry as it is;
    /// [`WriteError::Conflict`] when `old` is no longer active or its family was revoked.
    fn rotate(
        &self,
        old: &RefreshRecord,
        new: &RefreshRecord,
    ) -> impl Future<Output = Result<(), WriteError>> + Send;
    fn revoke_family(
        &self,
        family: &FamilyId,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
}

/// Login attempts per account.
pub trait AttemptStore {
    fn attempts(
        &self,
        account: &AccountKey,
    ) -> impl Future<Output = Result<Option<Attempts>, StoreError>> + Send;
    /// Stores `next` if what is stored is still the version it was computed from; `false` if
    /// another attempt changed it meanwhile.
    fn record_attempt(
        &self,
        account: &AccountKey,
        next: &Attempts,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Forgets the account's attempts, after a successful login.
    fn clear_attempts(
        &self,
        account: &AccountKey,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
}

/// A cheap check that storage answers, for `GET /auth/status`.
pub trait HealthCheck {
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// Everything auth stores: users, refresh tokens, login attempts, and its status check.
pub trait AuthStore: UserStore + RefreshStore + AttemptStore + HealthCheck {}

impl<T: UserStore + RefreshStore + AttemptStore + HealthCheck> AuthStore for T {}
