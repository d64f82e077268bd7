//! Outbound HTTP: clients with connect and total timeouts that never follow redirects, pass the
//! correlation id on, and retry with bounded, jittered backoff only requests safe to repeat.

use crate::correlation::{self, CorrelationId};
use http::{Method, StatusCode};
use reqwest::{Client, Request, Response};
use std::time::Duration;

mod endpoint;
pub use endpoint::{Endpoint, Remote};

/// Timeouts and retries of one third party or service.
#[derive(Debug, Clone, Copy)]
pub struct OutboundConfig {
    pub connect_timeout: Duration,
    /// The whole exchange, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// Attempts in all, the first included; 1 disables retries.
    pub max_attempts: u32,
    /// The backoff before the second attempt; it doubles up to `max_delay`, with full jitter.
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for OutboundConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(2),
            timeout: Duration::from_secs(5),
            max_attempts: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
        }
    }
}

/// Whether a request may be sent again after a failure that left its effect unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// Decided by the method: GET, HEAD, OPTIONS, PUT and DELETE are safe to repeat.
    ByMethod,
    /// The receiver deduplicates (an idempotency key, an external order id): always safe.
    Idempotent,
}

/// An HTTP client for one destination.
#[derive(Debug, Clone)]
pub struct Outbound {
    client: Client,
    config: OutboundConfig,
}

impl Outbound {
    /// Builds the client once; call from `main`. It trusts the roots of [`crate::tls`].
    pub fn new(config: OutboundConfig) -> Result<Self, reqwest::Error> {
        let roots = crate::tls::roots()
            .map(reqwest::Certificate::from_der)
            .collect::<Result<Vec<_>, _>>()?;
        let client = Client::builder()
            .tls_certs_only(roots)
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("starjack/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { client, config })
    }

    /// The underlying client, to build requests with.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sends `request`, retrying transport failures and 429/502/503/504 answers when
    /// `repeat` allows it. The last answer is returned whatever its status.
    pub async fn send(
        &self,
        mut request: Request,
        repeat: Repeat,
    ) -> Result<Response, reqwest::Error> {
        if let Some(value) = CorrelationId::current().and_then(|id| id.as_str().parse().ok()) {
            request.headers_mut().insert(correlation::HEADER, value);
        }
        let attempts = if repeat == Repeat::Idempotent || is_safe(request.method()) {
            self.config.max_attempts.max(1)
        } else {
            1
        };
        for attempt in 1..attempts {
            let Some(copy) = request.try_clone() else {
                break;
            };
            match self.client.execute(copy).await {
                Ok(response) if !is_transient(response.status()) => return Ok(response),
                Ok(response) => {
                    tracing::warn!(event = "outbound.retry", url = %redact(request.url()), status = response.status().as_u16(), attempt);
                }
                Err(err) if err.is_connect() || err.is_timeout() => {
                    tracing::warn!(event = "outbound.retry", url = %redact(request.url()), error = %err, attempt);
                }
                Err(err) => return Err(err),
            }
            tokio::time::sleep(self.backoff(attempt)).await;
        }
        self.client.execute(request).await
    }

    /// Full jitter: a random delay up to the exponential bound of this attempt.
    fn backoff(&self, attempt: u32) -> Duration {
        let bound = self
            .config
            .base_delay
            .saturating_mul(1 << attempt.min(16))
            .min(self.config.max_delay);
        bound.mul_f64(fastrand::f64())
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::PUT | Method::DELETE
    )
}

/// The answers worth another attempt. From our own services behind an HTTP API: 429 (route
/// throttling) and 503 (the 30 s integration timeout ended the request; the function may still
/// run, so only repeatable requests are retried). An HTTP API answers every function failure
/// (error, crash, timeout, throttling) with 500, which is not retried, like any 500. 502 and 504
/// come from third parties' proxies.
fn is_transient(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

/// Why an answer's body could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    #[error("the answer's body exceeds {0} bytes")]
    TooLarge(usize),
    #[error("reading the answer's body failed")]
    Transport(#[source] reqwest::Error),
}

impl BodyError {
    /// Whether the body stopped arriving in time.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Transport(err) if err.is_timeout())
    }
}

/// Reads an untrusted answer's body, refusing it once it grows beyond `limit` bytes (by its
/// declared length or by what arrives), so that no answer can exhaust memory.
pub async fn body_capped(mut response: Response, limit: usize) -> Result<Vec<u8>, BodyError> {
    if response
        .content_length()
        .is_some_and(|length| length > limit as u64)
    {
        return Err(BodyError::TooLarge(limit));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Transport)? {
        if body.len() + chunk.len() > limit {
            return Err(BodyError::TooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The URL without its query, which may carry keys (`appid`, `key`).
fn redact(url: &reqwest::Url) -> String {
    format!("{}{}", url.origin().ascii_serialization(), url.path())
}

#[cfg(test)]
mod tests;
