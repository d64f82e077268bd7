//! Mails to a keycard's owner: their address and name from auth (`GET /auth/users/{id}`, a
//! service token for `auth`), then a `SendMail` on the mail queue whose message id is the
//! template and keycard, so the mail service sends it once however often it is queued.

use crate::domain::{Keycard, MailKind};
use crate::ports::{Notifier, NotifyError};
use serde::Deserialize;
use serde_json::json;
use shared::messages::SendMail;
use shared::outbound::{Outbound, Repeat};
use shared::queue::Queue;
use shared::service_token::ServiceTokens;

/// The largest answer read from auth.
const MAX_ANSWER_BYTES: usize = 16 * 1024;

/// Queues the customer's mails; built once in `main`.
pub struct MailNotifier {
    tokens: ServiceTokens,
    outbound: Outbound,
    mail: Queue,
    api_base_url: String,
}

#[derive(Deserialize)]
struct Customer {
    email: String,
    name: String,
}

type Cause = Box<dyn std::error::Error + Send + Sync>;

impl MailNotifier {
    /// Asks auth at `api_base_url` with `tokens` through `outbound`; queues on `mail`.
    pub fn new(tokens: ServiceTokens, outbound: Outbound, mail: Queue, api_base_url: &str) -> Self {
        Self {
            tokens,
            outbound,
            mail,
            api_base_url: api_base_url.trim_end_matches('/').to_owned(),
        }
    }

    async fn customer(&self, user_id: &str) -> Result<Customer, Cause> {
        let mut url = reqwest::Url::parse(&format!("{}/auth/users/", self.api_base_url))?;
        url.path_segments_mut()
            .map_err(|()| "the API base URL cannot take a path")?
            .pop_if_empty()
            .push(user_id);
        let response = self
            .tokens
            .send(&self.outbound, "auth", Repeat::ByMethod, |token| {
                self.outbound
                    .client()
                    .get(url.clone())
                    .bearer_auth(token)
                    .build()
            })
            .await?;
        let status = response.status();
        let body = shared::outbound::body_capped(response, MAX_ANSWER_BYTES).await?;
        if !status.is_success() {
            return Err(format!("auth answered {status} for the keycard's owner").into());
        }
        Ok(serde_json::from_slice(&body)?)
    }
}

impl Notifier for MailNotifier {
    async fn notify(&self, keycard: &Keycard, kind: MailKind) -> Result<(), NotifyError> {
        let template = kind.template();
        let failed = |source: Cause| NotifyError { template, source };
        let customer = self.customer(&keycard.owner).await.map_err(failed)?;
        let mut data = json!({
            "name": customer.name,
            "holder_name": keycard.holder_name,
            "keycard_id": keycard.keycard_id,
        });
        if let Some(chip) = &keycard.chip {
            data["serial_number"] = json!(chip.serial_number);
        }
        let mail = SendMail::V1 {
            message_id: format!("{template}:{}", keycard.keycard_id),
            template: template.to_owned(),
            to: customer.email,
            locale: keycard.locale.as_str().to_owned(),
            data,
        };
        self.mail
            .send(&mail)
            .await
            .map_err(|err| failed(Box::new(err)))?;
        tracing::info!(event = "keycard.mail_queued", keycard_id = %keycard.keycard_id, template);
        Ok(())
    }
}
