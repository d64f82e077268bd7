//! Verifies access tokens against the published keys, strictly: RS256 only, known `kid`,
//! access-token `typ`, required claims, bounded leeway, no key material taken from the token.

use super::{
    ACCESS_TOKEN_TYPE, API_AUDIENCE, Caller, Claims, LEEWAY_SECONDS, MAX_TOKEN_BYTES, Role,
};
use crate::config::{ConfigError, Env};
use crate::http::{ApiError, Request, header};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use std::collections::HashMap;

/// Why a token was refused. Callers see only "invalid token"; the reason is for logs and tests.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("token is longer than {MAX_TOKEN_BYTES} bytes")]
    TooLarge,
    #[error("token header is malformed: {0}")]
    MalformedHeader(jsonwebtoken::errors::Error),
    #[error("token header carries {0}, which is never trusted")]
    ForbiddenHeader(&'static str),
    #[error("token algorithm {0:?} is not RS256")]
    WrongAlgorithm(Algorithm),
    #[error("token is not an access token")]
    WrongType,
    #[error("token names no key or an unknown key")]
    UnknownKey,
    #[error("token is invalid: {0}")]
    Invalid(jsonwebtoken::errors::Error),
}

/// The published keys cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum VerifierConfigError {
    #[error("key {kid} of AUTH_JWKS is unusable: {source}")]
    Key {
        kid: String,
        source: jsonwebtoken::errors::Error,
    },
    #[error("every key of AUTH_JWKS needs a kid")]
    MissingKid,
}

/// Verifies access tokens; built once per process.
pub struct TokenVerifier {
    keys: HashMap<String, DecodingKey>,
    validation: Validation,
}

impl TokenVerifier {
    /// A verifier for tokens from `issuer` whose audience is one of `audiences`.
    pub fn new(
        jwks: &JwkSet,
        issuer: &str,
        audiences: &[&str],
    ) -> Result<Self, VerifierConfigError> {
        let mut keys = HashMap::new();
        for jwk in &jwks.keys {
            let kid = jwk
                .common
                .key_id
                .clone()
                .ok_or(VerifierConfigError::MissingKid)?;
            let key = DecodingKey::from_jwk(jwk).map_err(|source| VerifierConfigError::Key {
                kid: kid.clone(),
                source,
            })?;
            keys.insert(kid, key);
        }
        let mut validation = Validation::new(Algorithm::RS256);
        validation.algorithms = vec![Algorithm::RS256];
        validation.leeway = LEEWAY_SECONDS;
        validation.validate_nbf = true;
        validation.set_issuer(&[issuer]);
        validation.set_audience(audiences);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub", "nbf"]);
        Ok(Self { keys, validation })
    }

    /// The verifier for `service`, from `AUTH_JWKS` and `AUTH_ISSUER`: it accepts customer
    /// tokens and service tokens addressed to `service`.
    pub fn from_env(env: &Env, service: &str) -> Result<Self, ConfigError> {
        let jwks: JwkSet = env.json("AUTH_JWKS")?;
        let issuer = env.required("AUTH_ISSUER")?;
        Self::new(&jwks, &issuer, &[API_AUDIENCE, service])
            .map_err(|err| ConfigError::malformed("AUTH_JWKS", err))
    }

    /// The claims of a valid access token.
    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(TokenError::TooLarge);
        }
        let header = jsonwebtoken::decode_header(token).map_err(TokenError::MalformedHeader)?;
        if header.jku.is_some() {
            return Err(TokenError::ForbiddenHeader("jku"));
        }
        if header.x5u.is_some() {
            return Err(TokenError::ForbiddenHeader("x5u"));
        }
        if header.jwk.is_some() {
            return Err(TokenError::ForbiddenHeader("jwk"));
        }
        if header.x5c.is_some() {
            return Err(TokenError::ForbiddenHeader("x5c"));
        }
        if header.crit.is_some() {
            return Err(TokenError::ForbiddenHeader("crit"));
        }
        if header.alg != Algorithm::RS256 {
            return Err(TokenError::WrongAlgorithm(header.alg));
        }
        if header.typ.as_deref() != Some(ACCESS_TOKEN_TYPE) {
            return Err(TokenError::WrongType);
        }
        let key = header
            .kid
            .as_deref()
            .and_then(|kid| self.keys.get(kid))
            .ok_or(TokenError::UnknownKey)?;
        jsonwebtoken::decode::<Claims>(token, key, &self.validation)
            .map(|data| data.claims)
            .map_err(TokenError::Invalid)
    }

    /// The caller of [`Self::authenticate`] if it holds `role`; 401 or 403 otherwise.
    pub fn authorize(&self, request: &Request, role: Role) -> Result<Caller, ApiError> {
        let caller = self.authenticate(request)?;
        caller.require(role)?;
        Ok(caller)
    }

    /// The caller named by the request's `Authorization: Bearer` header, or 401. A service token
    /// grants the service role only when addressed to this service (not to [`API_AUDIENCE`]), so
    /// service-only routes demand their own audience.
    pub fn authenticate(&self, request: &Request) -> Result<Caller, ApiError> {
        let value = header(request, "authorization")
            .ok_or_else(|| ApiError::unauthorized("an Authorization: Bearer token is required"))?;
        if value.len() > MAX_TOKEN_BYTES + "Bearer ".len() {
            return Err(ApiError::unauthorized("invalid token"));
        }
        let token = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
            .ok_or_else(|| {
                ApiError::unauthorized("the Authorization header must use the Bearer scheme")
            })?;
        let claims = self.verify(token.trim()).map_err(|reason| {
            tracing::info!(event = "token.refused", reason = %reason);
            ApiError::unauthorized("invalid token")
        })?;
        let roles = claims
            .roles
            .into_iter()
            .filter(|role| granted(*role, &claims.aud))
            .collect();
        Ok(Caller {
            subject: claims.sub,
            roles,
        })
    }
}

/// Whether a token addressed to `audience` grants `role`: the service role only when it is
/// addressed to this service, never to the customer audience every service accepts; customer
/// and admin roles only with the customer audience.
fn granted(role: Role, audience: &str) -> bool {
    match role {
        Role::Service => audience != API_AUDIENCE,
        _ => audience == API_AUDIENCE,
    }
}
