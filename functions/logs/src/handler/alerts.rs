//! The `log-alerts` function: one CloudWatch Logs subscription payload in, Slack messages out,
//! each alert posted once however often Lambda delivers the payload.

use crate::domain::batch::{self, Alert, Entry, Origin, Overview, Plan};
use crate::domain::links::Console;
use crate::domain::message::{SlackMessage, alert_message, overview_message};
use crate::domain::policy::Policy;
use crate::error::{LogsError, LogsFailure};
use crate::payload::{CONTROL_MESSAGE, Envelope};
use crate::ports::{AlertLedger, Begin, Decision, Notifier, StoreError};
use shared::http::{Failure, cause_chain};
use std::sync::Arc;
use std::time::Instant;

/// Milliseconds since the Unix epoch; injectable so tests can move time.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// What became of one alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Posted,
    /// Counted into a burst window another message opened.
    Suppressed,
    /// Handled by an earlier delivery of the same payload.
    Duplicate,
}

/// What one invocation did, for its log line and for tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub control_message: bool,
    pub tally: batch::Tally,
    pub posted: usize,
    pub suppressed: usize,
    pub duplicates: usize,
    pub failed: usize,
}

/// The function's rules and clients, built once in `main`.
pub struct Alerts<L, N> {
    pub ledger: L,
    pub notifier: N,
    pub policy: Policy,
    pub console: Console,
    pub stack: String,
    pub max_decompressed: usize,
    pub own_log_group: Option<String>,
    pub clock: Clock,
}

/// The system clock in milliseconds.
pub fn system_clock() -> Clock {
    Arc::new(|| (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64)
}

impl<L: AlertLedger + Sync, N: Notifier + Sync> Alerts<L, N> {
    /// Handles one payload; an error makes Lambda retry it and, in the end, keep it in the
    /// failure destination.
    pub async fn handle(
        &self,
        envelope: &Envelope,
        deadline: Instant,
    ) -> Result<Summary, LogsFailure> {
        let data = envelope.decode(self.max_decompressed).inspect_err(|err| {
            tracing::error!(event = "logs.payload_malformed", error = %err, "subscription payload could not be read");
        })?;
        if data.message_type == CONTROL_MESSAGE {
            tracing::info!(event = "logs.control_message", log_group = %data.log_group);
            return Ok(Summary {
                control_message: true,
                ..Summary::default()
            });
        }
        if self.own_log_group.as_deref() == Some(data.log_group.as_str()) {
            tracing::warn!(event = "logs.own_group_ignored", log_group = %data.log_group, events = data.log_events.len());
            return Ok(Summary::default());
        }
        let origin = Origin {
            log_group: data.log_group.clone(),
            log_stream: data.log_stream.clone(),
        };
        let entries = data.log_events.iter().map(|event| Entry {
            id: &event.id,
            timestamp_ms: event.timestamp,
            message: &event.message,
        });
        let plan = batch::plan(&self.policy, &self.stack, origin, entries);
        let summary = self.deliver(&plan, deadline).await;
        tracing::info!(
            event = "logs.batch_processed",
            log_group = %plan.origin.log_group,
            received = summary.tally.received,
            alerted = summary.tally.alerted,
            filtered = summary.tally.filtered,
            unreadable = summary.tally.unreadable,
            posted = summary.posted,
            suppressed = summary.suppressed,
            duplicates = summary.duplicates,
            failed = summary.failed,
        );
        if summary.failed > 0 {
            let total = plan.alerts.len() + usize::from(plan.overview.is_some());
            return Err(LogsError::Undelivered {
                failed: summary.failed,
                total,
            }
            .into());
        }
        Ok(summary)
    }

    async fn deliver(&self, plan: &Plan, deadline: Instant) -> Summary {
        let mut summary = Summary {
            tally: plan.tally,
            ..Summary::default()
        };
        let mut outcomes = Vec::with_capacity(plan.alerts.len() + 1);
        for alert in &plan.alerts {
            outcomes.push(self.deliver_alert(alert, &plan.origin, deadline).await);
        }
        if let Some(overview) = &plan.overview {
            outcomes.push(
                self.deliver_overview(overview, &plan.origin, deadline)
                    .await,
            );
        }
        for outcome in outcomes {
            match outcome {
                Ok(Outcome::Posted) => summary.posted += 1,
                Ok(Outcome::Suppressed) => summary.suppressed += 1,
                Ok(Outcome::Duplicate) => summary.duplicates += 1,
                Err(()) => summary.failed += 1,
            }
        }
        summary
    }

    async fn deliver_alert(
        &self,
        alert: &Alert,
        origin: &Origin,
        deadline: Instant,
    ) -> Result<Outcome, ()> {
        let key = alert.delivery_key();
        match self.claim(&key).await {
            Ok(Begin::Done) => return Ok(Outcome::Duplicate),
            Ok(_) => {}
            Err(err) => {
                tracing::error!(event = "logs.alert_failed", key = %key, error = %cause_chain(&err));
                return Err(());
            }
        }
        let now = (self.clock)();
        match self
            .ledger
            .burst(
                &alert.burst_key,
                &key,
                alert.count,
                now,
                self.policy.burst_window,
            )
            .await
        {
            Ok(Decision::Suppressed) => Ok(Outcome::Suppressed),
            Ok(Decision::Post { carried }) => {
                let message = alert_message(alert, origin, carried, &self.console);
                self.post(&key, &message, deadline)
                    .await
                    .map(|()| Outcome::Posted)
            }
            Err(err) => {
                tracing::error!(event = "logs.alert_failed", key = %key, error = %cause_chain(&err));
                self.release(&key).await;
                Err(())
            }
        }
    }

    async fn deliver_overview(
        &self,
        overview: &Overview,
        origin: &Origin,
        deadline: Instant,
    ) -> Result<Outcome, ()> {
        let key = overview.delivery_key();
        match self.claim(&key).await {
            Ok(Begin::Done) => Ok(Outcome::Duplicate),
            Ok(_) => {
                let message = overview_message(overview, origin, &self.console);
                self.post(&key, &message, deadline)
                    .await
                    .map(|()| Outcome::Posted)
            }
            Err(err) => {
                tracing::error!(event = "logs.alert_failed", key = %key, error = %cause_chain(&err));
                Err(())
            }
        }
    }

    /// Claims `key`; one held by another invocation is an error, so that this one is retried.
    async fn claim(&self, key: &str) -> Result<Begin, LogsFailure> {
        match self.ledger.begin(key, (self.clock)()).await? {
            Begin::Busy => Err(Failure::Store(StoreError::because(format!(
                "{key} is being delivered by another invocation"
            )))),
            begin => Ok(begin),
        }
    }

    /// Posts `message` for the claimed `key` and settles the claim either way.
    async fn post(&self, key: &str, message: &SlackMessage, deadline: Instant) -> Result<(), ()> {
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
                Err(())
            }
        }
    }

    /// Marks a claimed `key` failed so a retried invocation takes it up at once.
    async fn release(&self, key: &str) {
        if let Err(err) = self.ledger.fail(key).await {
            tracing::error!(event = "logs.release_failed", key = %key, error = %cause_chain(&err));
        }
    }
}
