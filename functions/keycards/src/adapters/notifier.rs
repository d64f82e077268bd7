//! Mails to a keycard's owner through `shared::mail` (their address and name from auth, a
//! `SendMail` on the mail queue), with message id `<template>:<keycard id>`.

use crate::domain::{Keycard, MailKind};
use crate::ports::{Notifier, NotifyError};
use serde_json::json;
use shared::mail::{Mailer, UserMail};
use shared::outbound::Outbound;
use shared::queue::Queue;
use shared::service_token::ServiceTokens;

/// Queues the customer's mails; built once in `main`.
pub struct MailNotifier {
    mailer: Mailer,
}

impl MailNotifier {
    /// Asks auth at `api_base_url` with `tokens` through `outbound`; queues on `mail`.
    pub fn new(tokens: ServiceTokens, outbound: Outbound, mail: Queue, api_base_url: &str) -> Self {
        Self {
            mailer: Mailer::new(tokens, outbound, mail, api_base_url),
        }
    }
}

impl Notifier for MailNotifier {
    async fn notify(&self, keycard: &Keycard, kind: MailKind) -> Result<(), NotifyError> {
        let template = kind.template();
        let mut data =
            json!({"holder_name": keycard.holder_name, "keycard_id": keycard.keycard_id});
        if let Some(chip) = &keycard.chip {
            data["serial_number"] = json!(chip.serial_number);
        }
        let mail = UserMail::about(
            &keycard.owner,
            template,
            &keycard.keycard_id,
            keycard.locale.as_str(),
            data,
        );
        self.mailer.send(mail).await.map_err(|err| NotifyError {
            template,
            source: Box::new(err),
        })?;
        tracing::info!(event = "keycard.mail_queued", keycard_id = %keycard.keycard_id, template);
        Ok(())
    }
}
