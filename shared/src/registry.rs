//! The lift operator registry as other services read it: liftoperator's public
//! `GET /liftoperators/{id}` over our API, which knows only active operators. Operators found
//! are kept in the container for a short while; unknown ones are asked for again.

use crate::cache::TtlCache;
use crate::config::{ConfigError, Env};
use crate::http::ApiError;
use crate::outbound::{Endpoint, OutboundConfig, Remote, Repeat};
use crate::provider::{ProviderError, excerpt, exchange, gateway};
use crate::values::is_slug;
use http::StatusCode;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The largest operator answer read.
const MAX_ANSWER_BYTES: usize = 64 * 1024;
/// The most operators kept.
const CACHED_OPERATORS: usize = 256;

/// Where a place is, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub lat: f64,
    pub lng: f64,
}

/// What the registry tells of an active operator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisteredOperator {
    pub id: String,
    pub name: String,
    pub location: Location,
}

/// Where the registry is, how long to wait for it, and how long operators are kept.
#[derive(Debug, Clone)]
pub struct RegistryConfig {
    pub endpoint: Endpoint,
    pub ttl: Duration,
}

impl RegistryConfig {
    /// `API_BASE_URL`; `REGISTRY_TIMEOUT_MS` (2 s, two attempts); `REGISTRY_CACHE_TTL_MS`
    /// (60 s: a deactivated or moved operator shows so late at the most).
    pub fn from_env(env: &Env) -> Result<Self, ConfigError> {
        Ok(Self {
            endpoint: Endpoint {
                base_url: env.required("API_BASE_URL")?,
                outbound: OutboundConfig::from_env(env, "REGISTRY", 2_000)?.attempts(2),
            },
            ttl: env.millis_or("REGISTRY_CACHE_TTL_MS", 60_000)?,
        })
    }
}

/// Why no active operator can be answered, the same in every service that reads the registry.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error("no active lift operator with this id")]
    NoOperator,
    #[error("the lift operator registry cannot be read: {0}")]
    Unreadable(#[source] ProviderError),
}

impl From<LookupError> for ApiError {
    fn from(err: LookupError) -> Self {
        match err {
            LookupError::NoOperator => ApiError::not_found(err.to_string()),
            LookupError::Unreadable(_) => gateway(
                StatusCode::SERVICE_UNAVAILABLE,
                "operator_registry_unavailable",
                err,
            ),
        }
    }
}

/// A failed lookup is an answer of its own in every service's handlers.
impl<E> From<LookupError> for crate::http::Failure<E> {
    fn from(err: LookupError) -> Self {
        Self::Request(err.into())
    }
}

/// Reads operators from the registry; built once in `main`.
pub struct Registry {
    api: Remote,
    found: TtlCache<String, RegisteredOperator>,
}

impl Registry {
    /// The registry `config` names; operators found are kept for its `ttl` (0: not kept).
    pub fn new(config: RegistryConfig) -> Result<Self, reqwest::Error> {
        Ok(Self {
            api: Remote::new(config.endpoint)?,
            found: TtlCache::new(config.ttl, CACHED_OPERATORS),
        })
    }

    /// The active operator `id`, or why there is none to answer.
    pub async fn active(&self, id: &str) -> Result<RegisteredOperator, LookupError> {
        self.operator(id)
            .await
            .map_err(LookupError::Unreadable)?
            .ok_or(LookupError::NoOperator)
    }

    /// The active operator `id`; `None` for an unknown, inactive or impossible id.
    pub async fn operator(&self, id: &str) -> Result<Option<RegisteredOperator>, ProviderError> {
        // Only what can be an operator id is put into the registry's path.
        if !is_slug(id, 48) {
            return Ok(None);
        }
        if let Some(operator) = self.found.get(&id.to_owned()) {
            return Ok(Some(operator));
        }
        let request = self
            .api
            .outbound
            .client()
            .get(self.api.url(&format!("/liftoperators/{id}")))
            .header("accept", "application/json");
        let (status, body) = exchange(
            &self.api.outbound,
            request,
            Repeat::ByMethod,
            MAX_ANSWER_BYTES,
        )
        .await?;
        match status {
            StatusCode::OK => {
                let operator: RegisteredOperator = serde_json::from_slice(&body)
                    .map_err(|err| ProviderError::Malformed(err.to_string()))?;
                if operator.id != id {
                    return Err(ProviderError::Malformed(format!(
                        "asked for operator {id:?}, got {:?}",
                        operator.id
                    )));
                }
                self.found.insert(id.to_owned(), operator.clone());
                Ok(Some(operator))
            }
            StatusCode::NOT_FOUND => Ok(None),
            status => Err(ProviderError::Status {
                status: status.as_u16(),
                detail: excerpt(&body),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    async fn registry(server: &MockServer) -> Registry {
        let env = Env::from_fn({
            let uri = server.uri();
            move |name| (name == "API_BASE_URL").then(|| uri.clone())
        });
        Registry::new(RegistryConfig::from_env(&env).unwrap()).unwrap()
    }

    #[tokio::test]
    async fn an_active_operator_is_read_once_and_then_kept() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/liftoperators/hochalm"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "id": "hochalm", "name": "Hochalm Bergbahnen", "region": "Tirol",
                "location": {"lat": 47.2692, "lng": 11.4041}, "provider": "dta"})))
            .expect(1)
            .mount(&server)
            .await;
        let registry = registry(&server).await;
        for _ in 0..2 {
            let operator = registry.operator("hochalm").await.unwrap().unwrap();
            assert_eq!(operator.name, "Hochalm Bergbahnen");
            assert_eq!(operator.location.lat, 47.2692);
        }
    }

    #[tokio::test]
    async fn an_unknown_operator_or_an_impossible_id_is_none_and_a_failure_an_error() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/liftoperators/nowhere"))
            .respond_with(ResponseTemplate::new(404))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/liftoperators/broken"))
            .respond_with(ResponseTemplate::new(500))
            .mount(&server)
            .await;
        let registry = registry(&server).await;
        assert_eq!(registry.operator("nowhere").await.unwrap(), None);
        assert_eq!(registry.operator("../auth/me").await.unwrap(), None);
        assert!(matches!(
            registry.operator("broken").await,
            Err(ProviderError::Status { status: 500, .. })
        ));
    }
}
