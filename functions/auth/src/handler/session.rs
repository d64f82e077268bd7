//! Login, refresh-token rotation with reuse detection, and logout.

use super::{App, blocking, now};
use crate::domain::{
    Email, FamilyId, PasswordHash, RefreshRecord, RefreshSecret, RefreshStatus, User, UserId,
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
    /// the same answer after the same work.
    pub(super) async fn login(&self, request: &Request) -> Result<Response<Body>, AuthFailure> {
        let body: Credentials = json_body(request)?;
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
    /// revokes its whole family; of two concurrent refreshes with one token, exactly one wins.
    pub(super) async fn refresh(&self, request: &Request) -> Result<Response<Body>, AuthFailure> {
        let body: RefreshBody = json_body(request)?;
        let presented = RefreshSecret::presented(&body.refresh_token);
        let record = self
            .store
            .refresh_token(&presented.hash())
            .await?
            .ok_or(AuthError::InvalidRefreshToken)?;
        if self.store.family_revoked(&record.family_id).await? {
            return Err(AuthError::InvalidRefreshToken.into());
        }
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
        if record.is_expired(now) {
            return Err(AuthError::InvalidRefreshToken.into());
        }
        let user = self
            .store
            .user_by_id(&UserId::from_subject(&record.user_id))
            .await?
            .ok_or(AuthError::UserGone)?;
        let secret = new_secret()?;
        let next = RefreshRecord::issue(
            &secret,
            &record.user_id,
            record.family_id.clone(),
            now,
            self.config.refresh_ttl_seconds,
        );
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
