//! The auth service's configuration, read once at start.

use crate::domain::{AttemptPolicy, ServiceClients, TokenIssuer};
use jsonwebtoken::jwk::JwkSet;
use shared::config::{ConfigError, Env};
use shared::token::{API_AUDIENCE, TokenVerifier};

/// Everything the auth function needs besides its clients.
pub struct AuthConfig {
    pub table: String,
    pub issuer: TokenIssuer,
    pub verifier: TokenVerifier,
    /// The keys published at `/auth/.well-known/jwks.json`: the public parameters of `AUTH_JWKS`.
    pub jwks: JwkSet,
    /// The absolute lifetime of a refresh-token family, from its login.
    pub refresh_ttl_seconds: i64,
    /// Failed logins allowed per account and window.
    pub attempts: AttemptPolicy,
    pub clients: ServiceClients,
    pub bootstrap_secret: Option<String>,
}

const DEFAULT_ACCESS_TTL: u64 = 15 * 60;
const DEFAULT_REFRESH_TTL: i64 = 30 * 24 * 3600;
const DEFAULT_MAX_FAILURES: u32 = 5;
const DEFAULT_FAILURE_WINDOW: i64 = 15 * 60;

impl AuthConfig {
    /// Reads and checks the configuration, including that the signing key is the one the
    /// JWKS publishes under its key id.
    pub fn from_env(env: &Env) -> Result<Self, ConfigError> {
        let issuer_url = env.required("AUTH_ISSUER")?;
        let kid = env.required("AUTH_SIGNING_KID")?;
        let access_ttl = env.parse_or("AUTH_ACCESS_TTL_SECONDS", DEFAULT_ACCESS_TTL)?;
        let issuer = TokenIssuer::from_pem(
            &env.required("AUTH_SIGNING_KEY")?,
            &kid,
            &issuer_url,
            access_ttl,
        )
        .map_err(|err| {
            ConfigError::malformed(
                "AUTH_SIGNING_KEY",
                format!("not an RSA private key in PEM: {err}"),
            )
        })?;
        let verifier = TokenVerifier::from_env(env, "auth")?;
        let probe = issuer
            .issue("config-check", API_AUDIENCE, &[])
            .map_err(|err| ConfigError::malformed("AUTH_SIGNING_KEY", err))?;
        if verifier.verify(&probe.token).is_err() {
            return Err(ConfigError::malformed(
                "AUTH_SIGNING_KEY",
                format!("it does not match key {kid} of AUTH_JWKS: tokens would not verify"),
            ));
        }
        let jwks = env.json("AUTH_JWKS")?;
        let clients = match env.optional("AUTH_SERVICE_CLIENTS") {
            Some(json) => ServiceClients::parse(&json)
                .map_err(|err| ConfigError::malformed("AUTH_SERVICE_CLIENTS", err))?,
            None => ServiceClients::default(),
        };
        Ok(Self {
            table: env.required("TABLE_NAME")?,
            issuer,
            verifier,
            jwks,
            refresh_ttl_seconds: env.parse_or("AUTH_REFRESH_TTL_SECONDS", DEFAULT_REFRESH_TTL)?,
            attempts: attempt_policy(env)?,
            clients,
            bootstrap_secret: env.optional("AUTH_BOOTSTRAP_SECRET"),
        })
    }
}

/// The failed-login limit: at least one attempt per window of at least a second.
fn attempt_policy(env: &Env) -> Result<AttemptPolicy, ConfigError> {
    let max_failures = env.parse_or("AUTH_LOGIN_MAX_FAILURES", DEFAULT_MAX_FAILURES)?;
    if max_failures == 0 {
        return Err(ConfigError::malformed(
            "AUTH_LOGIN_MAX_FAILURES",
            "must be at least 1, or nobody could log in",
        ));
    }
    let window_seconds =
        env.parse_or("AUTH_LOGIN_FAILURE_WINDOW_SECONDS", DEFAULT_FAILURE_WINDOW)?;
    if window_seconds < 1 {
        return Err(ConfigError::malformed(
            "AUTH_LOGIN_FAILURE_WINDOW_SECONDS",
            "must be at least 1 second",
        ));
    }
    Ok(AttemptPolicy {
        max_failures,
        window_seconds,
    })
}
