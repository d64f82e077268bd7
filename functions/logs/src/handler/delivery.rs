//! The steps every delivery takes: claim its key, post once, settle the claim.

use super::alerts::Alerts;
use crate::domain::message::SlackMessage;
use crate::error::LogsFailure;
use crate::ports::{AlertLedger, Begin, Notifier, SendError, StoreError};
use shared::http::Failure;
use shared::http::cause_chain;
use std::time::Instant;

/// Why an alert was not delivered; every one is retried with the invocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failed {
    /// This alert alone.
    Alone,
    /// Slack rate limits beyond the deadline, or no time left: the rest of the batch is left
    /// untouched for the retry.
    Stop,
}

impl<L: AlertLedger + Sync, N: Notifier + Sync> Alerts<L, N> {
    /// Claims `key`; one held by another invocation is an error, so that this one is retried.
    pub(super) async fn claim(&self, key: &str) -> Result<Begin, LogsFailure> {
        match self.ledger.begin(key, (self.clock)()).await? {
            Begin::Busy => Err(Failure::Store(StoreError::because(format!(
                "{key} is being delivered by another invocation"
            )))),
            begin => Ok(begin),
        }
    }

    /// Posts `message` for the claimed `key` and settles the claim either way.
    pub(super) async fn post(
        &self,
        key: &str,
        message: &SlackMessage,
        deadline: Instant,
    ) -> Result<(), Failed> {
        match self.notifier.post(message, deadline).await {
            Ok(ts) => {
                tracing::info!(event = "logs.alert_posted", key = %key, channel = %message.channel, ts = %ts);
                if let Err(err) = self.ledger.finish(key, (self.clock)()).await {
                    tracing::error!(event = "logs.finish_failed", key = %key, error = %cause_chain(&err), "posted, but a retry may post again");
                }
                Ok(())
            }
            Err(err) => {
                tracing::error!(event = "logs.post_failed", key = %key, channel = %message.channel, error = %cause_chain(&err));
                self.release(key).await;
                Err(match err {
                    SendError::RateLimited(_) | SendError::OutOfTime => Failed::Stop,
                    _ => Failed::Alone,
                })
            }
        }
    }

    /// Marks a claimed `key` failed so a retried invocation takes it up at once.
    pub(super) async fn release(&self, key: &str) {
        if let Err(err) = self.ledger.fail(key).await {
            tracing::error!(event = "logs.release_failed", key = %key, error = %cause_chain(&err));
        }
    }
}
