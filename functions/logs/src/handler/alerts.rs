//! The `log-alerts` function: one CloudWatch Logs subscription payload in, Slack messages out,
//! each alert posted once however often Lambda delivers the payload.

use super::delivery::Failed;
use crate::domain::batch::{self, Alert, Entry, Origin, Overview, Plan};
use crate::domain::cap::FrontendCap;
use crate::domain::links::Console;
use crate::domain::message::{alert_message, overview_message};
use crate::domain::policy::Policy;
use crate::error::{LogsError, LogsFailure};
use crate::payload::{CONTROL_MESSAGE, Envelope};
use crate::ports::{Admission, AlertLedger, Begin, CapLedger, CapWindow, Decision, Notifier};
use shared::http::cause_chain;
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
    /// Beyond the front-end cap: counted for the window's digest.
    Capped,
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
    pub capped: usize,
    /// Digests of front-end alerts held back in an earlier window, posted now.
    pub digests: usize,
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
    pub frontend: FrontendCap,
    pub clock: Clock,
}

/// The system clock in milliseconds.
pub fn system_clock() -> Clock {
    Arc::new(|| (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64)
}

impl<L: AlertLedger + CapLedger + Sync, N: Notifier + Sync> Alerts<L, N> {
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
        let mut plan = batch::plan(&self.policy, &self.stack, origin, entries);
        let capped = self.frontend.applies_to(&plan.origin.log_group);
        if capped {
            self.frontend.take_over(&mut plan);
        }
        let summary = self.deliver(&plan, capped, deadline).await;
        tracing::info!(
            event = "logs.batch_processed",
            log_group = %plan.origin.log_group,
            received = summary.tally.received,
            alerted = summary.tally.alerted,
            filtered = summary.tally.filtered,
            unreadable = summary.tally.unreadable,
            posted = summary.posted,
            suppressed = summary.suppressed,
            capped = summary.capped,
            digests = summary.digests,
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

    async fn deliver(&self, plan: &Plan, capped: bool, deadline: Instant) -> Summary {
        let mut summary = Summary {
            tally: plan.tally,
            ..Summary::default()
        };
        let mut stopped = false;
        let mut window = None;
        if capped {
            match self.cap_window(deadline).await {
                Ok((open, digest_posted)) => {
                    window = Some(open);
                    summary.digests = usize::from(digest_posted);
                }
                Err(_) => stopped = true,
            }
        }
        let mut outcomes = Vec::with_capacity(plan.alerts.len() + 1);
        for alert in &plan.alerts {
            let outcome = if stopped {
                Err(Failed::Stop)
            } else {
                self.deliver_alert(alert, &plan.origin, window.as_ref(), deadline)
                    .await
            };
            stopped |= outcome == Err(Failed::Stop);
            outcomes.push(outcome);
        }
        if let Some(overview) = &plan.overview {
            outcomes.push(if stopped {
                Err(Failed::Stop)
            } else {
                self.deliver_overview(overview, &plan.origin, window.as_ref(), deadline)
                    .await
            });
        }
        for outcome in outcomes {
            match outcome {
                Ok(Outcome::Posted) => summary.posted += 1,
                Ok(Outcome::Suppressed) => summary.suppressed += 1,
                Ok(Outcome::Capped) => summary.capped += 1,
                Ok(Outcome::Duplicate) => summary.duplicates += 1,
                Err(_) => summary.failed += 1,
            }
        }
        summary
    }

    async fn deliver_alert(
        &self,
        alert: &Alert,
        origin: &Origin,
        window: Option<&CapWindow>,
        deadline: Instant,
    ) -> Result<Outcome, Failed> {
        let key = alert.delivery_key();
        match self.claim(&key).await {
            Ok(Begin::Done) => return Ok(Outcome::Duplicate),
            Ok(_) => {}
            Err(err) => {
                tracing::error!(event = "logs.alert_failed", key = %key, error = %cause_chain(&err));
                return Err(Failed::Alone);
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
                if let Some(window) = window
                    && self.admit(window, &key, alert.count).await? == Admission::Capped
                {
                    return Ok(Outcome::Capped);
                }
                let message = alert_message(alert, origin, carried, &self.console);
                self.post(&key, &message, deadline)
                    .await
                    .map(|()| Outcome::Posted)
            }
            Err(err) => {
                tracing::error!(event = "logs.alert_failed", key = %key, error = %cause_chain(&err));
                self.release(&key).await;
                Err(Failed::Alone)
            }
        }
    }

    async fn deliver_overview(
        &self,
        overview: &Overview,
        origin: &Origin,
        window: Option<&CapWindow>,
        deadline: Instant,
    ) -> Result<Outcome, Failed> {
        let key = overview.delivery_key();
        match self.claim(&key).await {
            Ok(Begin::Done) => Ok(Outcome::Duplicate),
            Ok(_) => {
                if let Some(window) = window
                    && self.admit(window, &key, overview.events()).await? == Admission::Capped
                {
                    return Ok(Outcome::Capped);
                }
                let message = overview_message(overview, origin, &self.console);
                self.post(&key, &message, deadline)
                    .await
                    .map(|()| Outcome::Posted)
            }
            Err(err) => {
                tracing::error!(event = "logs.alert_failed", key = %key, error = %cause_chain(&err));
                Err(Failed::Alone)
            }
        }
    }
}
