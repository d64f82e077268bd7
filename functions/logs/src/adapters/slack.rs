//! Slack's `chat.postMessage` with a bot token. A 429 is waited out as `Retry-After` asks,
//! as long as the invocation has time left, and no attempt outlasts the deadline; other
//! failures are not repeated here, since Slack does not deduplicate posts.

use crate::domain::message::SlackMessage;
use crate::ports::{Notifier, SendError};
use http::StatusCode;
use serde::Deserialize;
use shared::outbound::{Outbound, Repeat};
use std::time::{Duration, Instant};

/// Posts tried in all for one message when Slack keeps rate limiting.
const MAX_ATTEMPTS: u32 = 5;
/// The wait when a 429 names none.
const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(1);
const MAX_RETRY_AFTER: Duration = Duration::from_secs(120);

/// A Slack Web API client for one workspace.
#[derive(Debug, Clone)]
pub struct SlackClient {
    outbound: Outbound,
    endpoint: String,
    token: String,
}

#[derive(Deserialize)]
struct Answer {
    ok: bool,
    #[serde(default)]
    ts: Option<String>,
    #[serde(default)]
    error: Option<String>,
}

enum Attempt {
    Posted(String),
    Wait(Duration),
}

impl SlackClient {
    /// A client for the API at `base_url` (`https://slack.com`, or the sandbox's `/slack`).
    pub fn new(outbound: Outbound, base_url: &str, token: impl Into<String>) -> Self {
        Self {
            outbound,
            endpoint: format!("{}/api/chat.postMessage", base_url.trim_end_matches('/')),
            token: token.into(),
        }
    }

    async fn attempt(&self, message: &SlackMessage) -> Result<Attempt, SendError> {
        let request = self
            .outbound
            .client()
            .post(&self.endpoint)
            .bearer_auth(&self.token)
            .json(message)
            .build()
            .map_err(|err| SendError::Unavailable(err.to_string()))?;
        let response = self
            .outbound
            .send(request, Repeat::ByMethod)
            .await
            .map_err(|err| SendError::Unavailable(shared::http::cause_chain(&err)))?;
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            return Ok(Attempt::Wait(retry_after(response.headers())));
        }
        if status.is_server_error() {
            return Err(SendError::Unavailable(format!("HTTP {status}")));
        }
        if !status.is_success() {
            return Err(SendError::Rejected(format!("HTTP {status}")));
        }
        let answer: Answer = response
            .json()
            .await
            .map_err(|err| SendError::Unavailable(format!("unreadable answer: {err}")))?;
        match (answer.ok, answer.ts, answer.error) {
            (true, Some(ts), _) => Ok(Attempt::Posted(ts)),
            (true, None, _) => Err(SendError::Unavailable("answer without ts".into())),
            (false, _, Some(error)) if error == "ratelimited" => {
                Ok(Attempt::Wait(DEFAULT_RETRY_AFTER))
            }
            (false, _, error) => Err(SendError::Rejected(
                error.unwrap_or_else(|| "unknown error".into()),
            )),
        }
    }
}

fn retry_after(headers: &http::HeaderMap) -> Duration {
    headers
        .get(http::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map_or(DEFAULT_RETRY_AFTER, Duration::from_secs)
        .min(MAX_RETRY_AFTER)
}

impl Notifier for SlackClient {
    async fn post(&self, message: &SlackMessage, deadline: Instant) -> Result<String, SendError> {
        let mut attempt = 1;
        loop {
            let answer = tokio::time::timeout_at(deadline.into(), self.attempt(message))
                .await
                .map_err(|_| SendError::OutOfTime)?;
            match answer? {
                Attempt::Posted(ts) => return Ok(ts),
                Attempt::Wait(wait)
                    if attempt < MAX_ATTEMPTS && Instant::now() + wait < deadline =>
                {
                    tracing::warn!(event = "slack.rate_limited", channel = %message.channel, wait_ms = wait.as_millis() as u64, attempt);
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                Attempt::Wait(wait) => return Err(SendError::RateLimited(wait)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use shared::outbound::OutboundConfig;
    use wiremock::matchers::{body_partial_json, header, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    fn message() -> SlackMessage {
        SlackMessage {
            channel: "#alerts".into(),
            text: "hello".into(),
            blocks: json!([]),
        }
    }

    async fn client_answering(response: ResponseTemplate) -> (SlackClient, MockServer) {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/api/chat.postMessage"))
            .and(header("authorization", "Bearer xoxb-1"))
            .and(body_partial_json(
                json!({"channel": "#alerts", "text": "hello"}),
            ))
            .respond_with(response)
            .mount(&server)
            .await;
        let outbound = Outbound::new(OutboundConfig {
            timeout: Duration::from_millis(300),
            max_attempts: 1,
            ..OutboundConfig::default()
        })
        .unwrap();
        (SlackClient::new(outbound, &server.uri(), "xoxb-1"), server)
    }

    fn soon() -> Instant {
        Instant::now() + Duration::from_secs(10)
    }

    #[tokio::test]
    async fn an_accepted_post_returns_its_ts() {
        let (client, _server) = client_answering(
            ResponseTemplate::new(200).set_body_json(json!({"ok": true, "ts": "1.5"})),
        )
        .await;
        assert_eq!(client.post(&message(), soon()).await.unwrap(), "1.5");
    }

    #[tokio::test]
    async fn a_refusal_names_slacks_error_and_is_not_repeated() {
        let (client, server) = client_answering(
            ResponseTemplate::new(200)
                .set_body_json(json!({"ok": false, "error": "channel_not_found"})),
        )
        .await;
        let err = client.post(&message(), soon()).await.unwrap_err();
        assert!(
            matches!(&err, SendError::Rejected(e) if e == "channel_not_found"),
            "{err}"
        );
        assert_eq!(server.received_requests().await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn a_server_error_a_malformed_answer_and_a_timeout_are_unavailable() {
        for response in [
            ResponseTemplate::new(503),
            ResponseTemplate::new(200).set_body_string("<html>oops</html>"),
            ResponseTemplate::new(200).set_delay(Duration::from_secs(2)),
        ] {
            let (client, server) = client_answering(response).await;
            let err = client.post(&message(), soon()).await.unwrap_err();
            assert!(matches!(err, SendError::Unavailable(_)), "{err}");
            assert_eq!(server.received_requests().await.unwrap().len(), 1);
        }
    }

    #[tokio::test]
    async fn no_attempt_outlasts_the_deadline() {
        let (client, _server) = client_answering(
            ResponseTemplate::new(200)
                .set_body_json(json!({"ok": true, "ts": "1.5"}))
                .set_delay(Duration::from_secs(2)),
        )
        .await;
        let deadline = Instant::now() + Duration::from_millis(50);
        let err = client.post(&message(), deadline).await.unwrap_err();
        assert!(matches!(err, SendError::OutOfTime), "{err}");
    }

    #[tokio::test]
    async fn rate_limits_are_retried_at_most_a_few_times() {
        let (client, server) =
            client_answering(ResponseTemplate::new(429).insert_header("retry-after", "0")).await;
        let err = client.post(&message(), soon()).await.unwrap_err();
        assert!(matches!(err, SendError::RateLimited(_)), "{err}");
        assert_eq!(
            server.received_requests().await.unwrap().len(),
            MAX_ATTEMPTS as usize
        );
    }
}
