//! Login, refresh-token rotation with reuse detection, and logout.

use super::{App, blocking, now};
use crate::domain::{
    AccountKey, Email, FamilyId, PasswordHash, RefreshRecord, RefreshSecret, RefreshStatus, User,
    UserId,
};
use crate::error::{AuthError, AuthFailure};
use crate::ports::AuthStore;
use http::StatusCode;
use serde::Deserialize;
use shared::http::{Body, Request, Response, empty, json, json_body};
use shared::token::API_AUDIENCE;

#[derive(Deserialize)]
struct Credentials {
    email: String,
    password: String,
}

#[derive(Deserialize)]
struct RefreshBody {
    refresh_token: String,
}

impl<S: AuthStore + Sync> App<S> {
    /// The login/refresh answer.
    fn token_pair(
        &self,
        user: &User,
        refresh: &RefreshSecret,
    ) -> Result<Response<Body>, AuthFailure> {
        let access = self
            .config
            .issuer
            .issue(user.id.as_str(), API_AUDIENCE, &user.roles)
            .map_err(|err| AuthError::Internal(format!("signing failed: {err}")))?;
        Ok(json(
            StatusCode::OK,
            &serde_json::json!({
                "access_token": access.token,
                "refresh_token": refresh.expose(),
                "token_type": "Bearer",
                "expires_in": access.expires_in,
            }),
        ))
    }

    /// `POST /auth/login` {email, password}: a token pair. Unknown e-mail and wrong password get
    /// the same answer after the same work; so does an account whose failed logins are used
    /// up (429 with `Retry-After`, before any password work).
    pub(super) async fn login(&self, request: &Request) -> Result<Response<Body>, AuthFailure> {
        let body: Credentials = json_body(request)?;
        let account = AccountKey::of(&body.email);
        self.count_attempt(&account).await?;
        let user = match Email::parse(&body.email) {
            Ok(email) => self.store.user_by_email(&email).await?,
            Err(_) => None,
        };
        let hash = user
            .as_ref()
            .map_or_else(PasswordHash::decoy, |u| u.password_hash.clone());
        let password = body.password;
        let verified = blocking(move || hash.verify(&password)).await?;
        let user = user
            .filter(|_| verified)
            .ok_or(AuthError::InvalidCredentials)?;
        self.store.clear_attempts(&account).await?;

        let secret = new_secret()?;
        let record = RefreshRecord::issue(
            &secret,
            user.id.as_str(),
            FamilyId::generate(),
            now(),
            self.config.refresh_ttl_seconds,
        );
        self.store.start_family(&record).await?;
        tracing::info!(event = "user.logged_in", user_id = %user.id);
        self.token_pair(&user, &secret)
    }

    /// `POST /auth/refresh` {refresh_token}: rotates the token. Presenting a rotated token again
    /// revokes its whole family; of two concurrent refreshes with one token, exactly one wins;
    /// after the family's absolute lifetime (from its login) every refresh is a 401.
    pub(super) async fn refresh(&self, request: &Request) -> Result<Response<Body>, AuthFailure> {
        let body: RefreshBody = json_body(request)?;
        let presented = RefreshSecret::presented(&body.refresh_token);
        let record = self
            .store
            .refresh_token(&presented.hash())
            .await?
            .ok_or(AuthError::InvalidRefreshToken)?;
        let family = self
            .store
            .family(&record.family_id)
            .await?
            .filter(|family| !family.revoked)
            .ok_or(AuthError::InvalidRefreshToken)?;
        if record.status == RefreshStatus::Rotated {
            self.store.revoke_family(&record.family_id).await?;
            tracing::warn!(
                event = "refresh.reuse_detected",
                user_id = %record.user_id,
                family_id = record.family_id.as_str(),
                "a rotated refresh token was presented again; its family is revoked"
            );
            return Err(AuthError::InvalidRefreshToken.into());
        }
        let now = now();
        if record.is_expired(now) || !family.is_live(now) {
            return Err(AuthError::InvalidRefreshToken.into());
        }
        let user = self
            .store
            .user_by_id(&UserId::from_subject(&record.user_id))
            .await?
            .ok_or(AuthError::UserGone)?;
        let secret = new_secret()?;
        let next = record.successor(&secret, &family);
        self.store.rotate(&record, &next).await?;
        self.token_pair(&user, &secret)
    }

    /// `POST /auth/logout` {refresh_token}: revokes the token's family. 204 whether or not the
    /// token was known, so the answer reveals nothing.
    pub(super) async fn logout(&self, request: &Request) -> Result<Response<Body>, AuthFailure> {
        let body: RefreshBody = json_body(request)?;
        let presented = RefreshSecret::presented(&body.refresh_token);
        if let Some(record) = self.store.refresh_token(&presented.hash()).await? {
            self.store.revoke_family(&record.family_id).await?;
            tracing::info!(event = "user.logged_out", user_id = %record.user_id);
        }
        Ok(empty(StatusCode::NO_CONTENT))
    }
}

fn new_secret() -> Result<RefreshSecret, AuthFailure> {
    RefreshSecret::generate()
        .map_err(|_| AuthError::Internal("no randomness for a refresh token".into()).into())
}
