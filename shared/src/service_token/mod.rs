//! Service tokens for calls between our own services: fetched from auth with the client
//! credentials grant and cached per audience until shortly before they expire.

mod call;

pub use call::ServiceCallError;

use crate::config::{ConfigError, Env};
use crate::outbound::{BodyError, Outbound, Repeat, body_capped};
use serde::Deserialize;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// A token is renewed this long before auth says it expires.
pub const RENEW_MARGIN: Duration = Duration::from_secs(60);

/// The largest token answer read from auth.
const MAX_ANSWER_BYTES: usize = 16 * 1024;

/// Why no token could be had.
#[derive(Debug, thiserror::Error)]
pub enum ServiceTokenError {
    #[error("asking auth for a service token failed")]
    Transport(#[source] reqwest::Error),
    #[error("auth's token answer could not be read")]
    Body(#[source] BodyError),
    #[error("auth refused the client credentials with status {0}")]
    Refused(u16),
    #[error("auth's token answer is malformed: {0}")]
    Malformed(String),
}

struct Cached {
    token: String,
    renew_at: Instant,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    token_type: String,
    expires_in: u64,
}

/// Client-credentials tokens of one calling service, one per audience; built once in `main`.
pub struct ServiceTokens {
    outbound: Outbound,
    token_url: String,
    client_id: String,
    client_secret: String,
    cache: Mutex<HashMap<String, Cached>>,
}

impl ServiceTokens {
    /// Tokens from `POST {api_base_url}/auth/token` for the client `client_id`.
    pub fn new(
        outbound: Outbound,
        api_base_url: &str,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Self {
        Self {
            outbound,
            token_url: format!("{}/auth/token", api_base_url.trim_end_matches('/')),
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// From `API_BASE_URL`, `SERVICE_CLIENT_ID` and `SERVICE_CLIENT_SECRET`.
    pub fn from_env(env: &Env, outbound: Outbound) -> Result<Self, ConfigError> {
        Ok(Self::new(
            outbound,
            &env.required("API_BASE_URL")?,
            env.required("SERVICE_CLIENT_ID")?,
            env.required("SERVICE_CLIENT_SECRET")?,
        ))
    }

    /// A valid token for `audience`, from the cache or freshly from auth.
    pub async fn token(&self, audience: &str) -> Result<String, ServiceTokenError> {
        let mut cache = self.cache.lock().await;
        if let Some(cached) = cache.get(audience)
            && Instant::now() < cached.renew_at
        {
            return Ok(cached.token.clone());
        }
        let answer = self.fetch(audience).await?;
        let lifetime = Duration::from_secs(answer.expires_in);
        let renew_at = Instant::now() + lifetime.saturating_sub(RENEW_MARGIN.min(lifetime / 2));
        cache.insert(
            audience.to_owned(),
            Cached {
                token: answer.access_token.clone(),
                renew_at,
            },
        );
        tracing::info!(
            event = "service_token.fetched",
            audience,
            expires_in = answer.expires_in
        );
        Ok(answer.access_token)
    }

    /// Forgets the token for `audience`, after the receiver refused it.
    pub async fn invalidate(&self, audience: &str) {
        self.cache.lock().await.remove(audience);
    }

    async fn fetch(&self, audience: &str) -> Result<TokenAnswer, ServiceTokenError> {
        let body = serde_json::json!({
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "audience": audience,
        });
        let request = self
            .outbound
            .client()
            .post(&self.token_url)
            .json(&body)
            .build()
            .map_err(ServiceTokenError::Transport)?;
        let response = self
            .outbound
            .send(request, Repeat::Idempotent)
            .await
            .map_err(ServiceTokenError::Transport)?;
        let status = response.status();
        if !status.is_success() {
            return Err(ServiceTokenError::Refused(status.as_u16()));
        }
        let bytes = body_capped(response, MAX_ANSWER_BYTES)
            .await
            .map_err(ServiceTokenError::Body)?;
        let answer: TokenAnswer = serde_json::from_slice(&bytes)
            .map_err(|err| ServiceTokenError::Malformed(err.to_string()))?;
        if answer.access_token.is_empty() || !answer.token_type.eq_ignore_ascii_case("bearer") {
            return Err(ServiceTokenError::Malformed(
                "an empty token or a type other than Bearer".into(),
            ));
        }
        Ok(answer)
    }
}

#[cfg(test)]
mod tests;
