//! The failed-login limit around a password check: counted before, forgotten on success.

use super::{App, now};
use crate::domain::{AccountKey, Attempts};
use crate::error::{AuthError, AuthFailure};
use crate::ports::AuthStore;

/// Conditional writes tried before concurrent attempts on one account count as too many.
const TRIES: usize = 5;

impl<S: AuthStore + Sync> App<S> {
    /// Counts a login attempt on `account` before its password is checked; 429 with the
    /// seconds to wait once the account's failures are used up, known account or not.
    pub(super) async fn count_attempt(&self, account: &AccountKey) -> Result<(), AuthFailure> {
        for _ in 0..TRIES {
            let seen = self.store.attempts(account).await?;
            let next = Attempts::next(seen.as_ref(), &self.config.attempts, now())
                .map_err(AuthError::TooManyAttempts)?;
            if self.store.record_attempt(account, &next).await? {
                return Ok(());
            }
        }
        Err(AuthError::TooManyAttempts(1).into())
    }
}
