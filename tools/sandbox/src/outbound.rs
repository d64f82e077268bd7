//! The sandbox's own calls to our side (Mpay24 confirmations, keycard webhooks): one client
//! with connect and total timeouts that never follows redirects, and one attempt per call.

use crate::settings::Settings;
use reqwest::{Client, RequestBuilder};
use serde_json::{Value, json};

/// How one call ended: the answer's status, or why there was none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Delivery {
    Answered(u16),
    Failed(String),
}

impl Delivery {
    /// `{"answerStatus": 204}` or `{"error": "..."}`, to merge into a record.
    pub(crate) fn to_json(&self) -> Value {
        match self {
            Self::Answered(status) => json!({ "answerStatus": status }),
            Self::Failed(error) => json!({ "error": error }),
        }
    }

    /// The status as a header value: the number, or `none`.
    pub(crate) fn status_text(&self) -> String {
        match self {
            Self::Answered(status) => status.to_string(),
            Self::Failed(_) => "none".into(),
        }
    }
}

/// The client, built once with the sandbox.
pub(crate) struct Outbound {
    client: Result<Client, String>,
}

impl Outbound {
    pub(crate) fn new(settings: &Settings) -> Self {
        let client = Client::builder()
            .connect_timeout(settings.connect_timeout)
            .timeout(settings.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("starjack-sandbox/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|err| format!("building the HTTP client: {err}"));
        Self { client }
    }

    /// `GET url`.
    pub(crate) async fn get(&self, url: &str) -> Delivery {
        self.send(|client| client.get(url)).await
    }

    /// `POST url` with a JSON `body` and extra `headers`.
    pub(crate) async fn post_json(
        &self,
        url: &str,
        body: String,
        headers: &[(&str, String)],
    ) -> Delivery {
        self.send(|client| {
            headers.iter().fold(
                client
                    .post(url)
                    .header("content-type", "application/json")
                    .body(body),
                |request, (name, value)| request.header(*name, value),
            )
        })
        .await
    }

    async fn send(&self, build: impl FnOnce(&Client) -> RequestBuilder) -> Delivery {
        let client = match &self.client {
            Ok(client) => client,
            Err(err) => return Delivery::Failed(err.clone()),
        };
        match build(client).send().await {
            Ok(response) => Delivery::Answered(response.status().as_u16()),
            Err(err) => {
                tracing::warn!(event = "sandbox.outbound_failed", url = %redact(err.url()), error = %err);
                Delivery::Failed(err.to_string())
            }
        }
    }
}

fn redact(url: Option<&reqwest::Url>) -> String {
    url.map(|url| format!("{}{}", url.origin().ascii_serialization(), url.path()))
        .unwrap_or_default()
}
