//! Sign-up, the first admin, and the caller's own profile.

use super::{App, blocking};
use crate::domain::{DisplayName, Email, Password, User, UserId};
use crate::error::{AuthError, AuthFailure};
use crate::ports::AuthStore;
use http::StatusCode;
use serde::Deserialize;
use shared::http::{Body, Request, Response, header, json, json_body};
use shared::token::Role;

/// The header carrying `AUTH_BOOTSTRAP_SECRET` on `POST /auth/admin/bootstrap`.
pub const BOOTSTRAP_HEADER: &str = "x-bootstrap-secret";

#[derive(Deserialize)]
struct NewAccount {
    email: String,
    name: String,
    password: String,
}

async fn new_user(request: &Request, roles: Vec<Role>) -> Result<User, AuthFailure> {
    let body: NewAccount = json_body(request)?;
    let email = Email::parse(&body.email)?;
    let name = DisplayName::parse(&body.name)?;
    let password = Password::parse(&body.password)?;
    let hash = blocking(move || password.hash())
        .await?
        .map_err(|err| AuthError::Internal(format!("hashing failed: {err}")))?;
    Ok(User::new(email, name, hash, roles))
}

impl<S: AuthStore + Sync> App<S> {
    /// `POST /auth/signup` {email, name, password}: 201 with the profile; 409 if the e-mail is taken.
    pub(super) async fn signup(&self, request: &Request) -> Result<Response<Body>, AuthFailure> {
        let user = new_user(request, vec![Role::Customer]).await?;
        self.store.create_user(&user).await?;
        tracing::info!(event = "user.signed_up", user_id = %user.id, "user signed up");
        Ok(json(StatusCode::CREATED, &user.profile()))
    }

    /// `POST /auth/admin/bootstrap` with `X-Bootstrap-Secret`: creates the first admin, once.
    pub(super) async fn bootstrap_admin(
        &self,
        request: &Request,
    ) -> Result<Response<Body>, AuthFailure> {
        let expected = self
            .config
            .bootstrap_secret
            .as_deref()
            .ok_or(AuthError::BootstrapDisabled)?;
        let presented = header(request, BOOTSTRAP_HEADER).unwrap_or_default();
        let matches = aws_lc_rs::constant_time::verify_slices_are_equal(
            shared::digest::sha256_hex(presented.as_bytes()).as_bytes(),
            shared::digest::sha256_hex(expected.as_bytes()).as_bytes(),
        );
        if matches.is_err() {
            return Err(AuthError::BootstrapDenied.into());
        }
        let admin = new_user(request, vec![Role::Admin, Role::Customer]).await?;
        self.store.create_first_admin(&admin).await?;
        tracing::info!(event = "user.admin_bootstrapped", user_id = %admin.id, "first admin created");
        Ok(json(StatusCode::CREATED, &admin.profile()))
    }

    /// `GET /auth/me`: the caller's profile.
    pub(super) async fn me(&self, request: &Request) -> Result<Response<Body>, AuthFailure> {
        let caller = self.config.verifier.authenticate(request)?;
        let user = self
            .store
            .user_by_id(&UserId::from_subject(&caller.subject))
            .await?
            .ok_or(AuthError::UserGone)?;
        Ok(json(StatusCode::OK, &user.profile()))
    }
}
