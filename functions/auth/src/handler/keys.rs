//! The published keys, and client-credentials tokens for services.

use super::App;
use crate::error::{AuthError, AuthFailure};
use crate::ports::AuthStore;
use http::StatusCode;
use lambda_http::RequestPayloadExt;
use serde::Deserialize;
use shared::http::{ApiError, Body, Request, Response, json};
use shared::token::{API_AUDIENCE, Role};

impl<S: AuthStore + Sync> App<S> {
    /// `GET /auth/.well-known/jwks.json`: the public keys, two at once during a rotation.
    pub(super) fn jwks(&self) -> Response<Body> {
        let mut response = json(StatusCode::OK, &self.config.jwks);
        if let Ok(value) = "public, max-age=300".parse() {
            response
                .headers_mut()
                .insert(http::header::CACHE_CONTROL, value);
        }
        response
    }

    /// `POST /auth/token` (form or JSON: grant_type=client_credentials, client_id, client_secret,
    /// audience): an access token with role `service` for the target service; 400
    /// `invalid_target` for the customer audience, which every service accepts.
    pub(super) async fn service_token(
        &self,
        request: &Request,
    ) -> Result<Response<Body>, AuthFailure> {
        let body: ClientCredentials = request
            .payload()
            .map_err(|err| ApiError::invalid(format!("request body is not valid: {err}")))?
            .ok_or_else(|| {
                ApiError::invalid("a form or JSON body with the client credentials is required")
            })?;
        if body.grant_type != "client_credentials" {
            return Err(AuthError::UnsupportedGrant.into());
        }
        let client = self
            .config
            .clients
            .authenticate(&body.client_id, &body.client_secret)
            .ok_or(AuthError::InvalidClient)?;
        if body.audience == API_AUDIENCE {
            return Err(AuthError::CustomerAudience(body.audience).into());
        }
        if !client.audiences.contains(&body.audience) {
            return Err(AuthError::AudienceNotAllowed(body.audience).into());
        }
        let token = self
            .config
            .issuer
            .issue(&body.client_id, &body.audience, &[Role::Service])
            .map_err(|err| AuthError::Internal(format!("signing failed: {err}")))?;
        tracing::info!(event = "service.token_issued", client_id = %body.client_id, audience = %body.audience);
        Ok(json(
            StatusCode::OK,
            &serde_json::json!({"access_token": token.token, "token_type": "Bearer", "expires_in": token.expires_in}),
        ))
    }
}

#[derive(Deserialize)]
struct ClientCredentials {
    grant_type: String,
    client_id: String,
    client_secret: String,
    audience: String,
}
