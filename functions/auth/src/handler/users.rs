//! The service route for our other services: a user's address and name, by id, for the
//! mails they send (`GET /auth/users/{user_id}`, a service token with audience `auth`).

use super::App;
use crate::domain::UserId;
use crate::error::AuthFailure;
use crate::ports::AuthStore;
use http::StatusCode;
use shared::http::{ApiError, Body, Request, Response, json, path_param};
use shared::token::Role;

impl<S: AuthStore + Sync> App<S> {
    /// `GET /auth/users/{user_id}`: `{id, email, name}`; 403 for anyone but a service, 404
    /// for an unknown user.
    pub(super) async fn user(&self, request: &Request) -> Result<Response<Body>, AuthFailure> {
        self.config.verifier.authorize(request, Role::Service)?;
        let id = UserId::from_subject(&path_param(request, "user_id")?);
        let user = self
            .store
            .user_by_id(&id)
            .await?
            .ok_or_else(|| ApiError::not_found("no such user"))?;
        Ok(json(
            StatusCode::OK,
            &serde_json::json!({"id": user.id, "email": user.email, "name": user.name}),
        ))
    }
}
