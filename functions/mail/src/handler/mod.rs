//! The `mail` queue's messages: each message id claimed once, rendered, sent, and settled or
//! handed back to the queue.

use crate::domain::Mail;
use crate::error::MailError;
use crate::ports::{Mailer, worth_retrying};
use serde_json::json;
use shared::idempotency::{Claim, IdempotencyError, IdempotencyStore, Lease};
use shared::messages::SendMail;

/// The mail function: the messages' claims and Mailgun, built once in `main`.
pub struct App<M> {
    pub claims: IdempotencyStore,
    pub mailer: M,
}

impl<M: Mailer + Sync> App<M> {
    /// Sends `message` unless it was sent before. `Err` hands it back to the queue.
    pub async fn handle(&self, message: SendMail) -> Result<(), MailError> {
        let SendMail::V1 { message_id, .. } = &message;
        let lease = match self
            .claims
            .claim(&format!("MAIL#{message_id}"), &message)
            .await
        {
            Ok(Claim::Completed(_)) => {
                tracing::info!(event = "mail.duplicate", message_id = %message_id);
                return Ok(());
            }
            Ok(Claim::New(lease) | Claim::Resumed(lease)) => lease,
            Err(IdempotencyError::PayloadMismatch(_)) => {
                tracing::error!(event = "mail.id_reused", message_id = %message_id, "a different message under a used message id was dropped");
                return Ok(());
            }
            Err(err) => return Err(err.into()),
        };
        let mail = match Mail::from_message(&message) {
            Ok(mail) => mail,
            Err(err) => {
                tracing::error!(event = "mail.unsendable", message_id = %message_id, error = %err, "the message was dropped");
                self.settle(&lease, json!({"outcome": "unsendable"})).await;
                return Ok(());
            }
        };
        match self.mailer.send(&mail).await {
            Ok(id) => {
                tracing::info!(event = "mail.sent", message_id = %message_id, template = %mail.tag, mailgun_id = %id);
                self.settle(&lease, json!({"outcome": "sent", "id": id}))
                    .await;
                Ok(())
            }
            Err(err) if worth_retrying(&err) => {
                if let Err(release) = self.claims.release(&lease).await {
                    tracing::warn!(event = "mail.release_failed", message_id = %message_id, error = %release);
                }
                Err(MailError::Mailgun(err))
            }
            Err(err) => {
                tracing::error!(event = "mail.rejected", message_id = %message_id, template = %mail.tag, error = %err, "Mailgun refused the mail; it is not retried");
                self.settle(&lease, json!({"outcome": "rejected"})).await;
                Ok(())
            }
        }
    }

    /// Completes the claim. If that fails the message is still settled: handing it back
    /// would send it again once the lease ran out.
    async fn settle(&self, lease: &Lease, outcome: serde_json::Value) {
        if let Err(err) = self.claims.complete(lease, &outcome).await {
            tracing::error!(event = "mail.settle_failed", key = lease.key(), error = %err, "a repeated delivery may send it again");
        }
    }
}
