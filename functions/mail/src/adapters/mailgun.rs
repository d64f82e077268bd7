//! Mailgun's messages API: `POST /v3/{domain}/messages`, Basic `api:KEY`, form fields `from,
//! to, subject, text, html, o:tag, v:message_id` → `{id, message}`; with attachments, fetched
//! from their URLs, as `multipart/form-data`.

use super::multipart;
use crate::domain::{Attachment, Mail};
use crate::ports::{Mailer, ProviderError};
use serde::Deserialize;
use shared::outbound::{Endpoint, Outbound, Repeat};
use shared::provider::{Secret, exchange, exchange_success};

/// The largest answer read.
const MAX_ANSWER_BYTES: usize = 16 * 1024;
/// The largest attachment fetched (Mailgun takes 25 MB per message).
const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

/// Where Mailgun is and who sends.
#[derive(Debug, Clone)]
pub struct MailgunConfig {
    pub endpoint: Endpoint,
    pub domain: String,
    pub api_key: Secret,
    /// The `From:` of every mail, such as `Starjack <noreply@mg.starjack.example>`.
    pub from: String,
}

/// Mailgun's client, built once in `main`.
pub struct MailgunClient {
    outbound: Outbound,
    url: String,
    api_key: Secret,
    from: String,
}

#[derive(Deserialize)]
struct Accepted {
    id: String,
}

impl MailgunClient {
    pub fn new(config: MailgunConfig) -> Result<Self, reqwest::Error> {
        Ok(Self {
            // A mail is sent at most once per delivery: the queue does the retrying.
            outbound: Outbound::new(config.endpoint.outbound.attempts(1))?,
            url: format!(
                "{}/v3/{}/messages",
                config.endpoint.base_url.trim_end_matches('/'),
                config.domain
            ),
            api_key: config.api_key,
            from: config.from,
        })
    }
}

impl MailgunClient {
    /// The bytes of an attachment. A missing one fails as a transport failure, which hands the
    /// message back: after `maxReceiveCount` tries it waits in the DLQ instead of going out
    /// without its invoice.
    async fn fetch(&self, attachment: &Attachment) -> Result<Vec<u8>, ProviderError> {
        let request = self.outbound.client().get(&attachment.url);
        let (status, body) = exchange(
            &self.outbound,
            request,
            Repeat::ByMethod,
            MAX_ATTACHMENT_BYTES,
        )
        .await?;
        if status.is_success() {
            Ok(body)
        } else {
            Err(ProviderError::Transport(format!(
                "fetching attachment {} answered {status}",
                attachment.filename
            )))
        }
    }
}

impl Mailer for MailgunClient {
    async fn send(&self, mail: &Mail) -> Result<String, ProviderError> {
        let form = [
            ("from", self.from.as_str()),
            ("to", mail.to.as_str()),
            ("subject", mail.content.subject.as_str()),
            ("text", mail.content.text.as_str()),
            ("html", mail.content.html.as_str()),
            ("o:tag", mail.tag.as_str()),
            ("v:message_id", mail.message_id.as_str()),
        ];
        let builder = self
            .outbound
            .client()
            .post(&self.url)
            .basic_auth("api", Some(self.api_key.expose()));
        let builder = if mail.attachments.is_empty() {
            builder.form(&form)
        } else {
            let mut files = Vec::new();
            for attachment in &mail.attachments {
                files.push((attachment.filename.clone(), self.fetch(attachment).await?));
            }
            let (content_type, body) = multipart::form(&form, &files);
            builder.header("content-type", content_type).body(body)
        };
        let body =
            exchange_success(&self.outbound, builder, Repeat::ByMethod, MAX_ANSWER_BYTES).await?;
        match serde_json::from_slice::<Accepted>(&body) {
            Ok(accepted) => Ok(accepted.id),
            Err(err) => {
                tracing::warn!(event = "mail.unreadable_answer", message_id = %mail.message_id, error = %err, "Mailgun accepted the mail with an unreadable answer");
                Ok(String::new())
            }
        }
    }
}
