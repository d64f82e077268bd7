//! The front-end cap in `log-alerts`: the window is opened (and the last one's digest posted)
//! before a batch's alerts, and each alert that would be posted takes one of its posts.

use super::alerts::Alerts;
use super::delivery::Failed;
use crate::domain::cap::{FrontendCap, SCOPE, digest_message};
use crate::ports::{Admission, AlertLedger, Begin, CapLedger, CapWindow, Notifier};
use shared::http::cause_chain;
use std::time::Instant;

impl<L: AlertLedger + CapLedger + Sync, N: Notifier + Sync> Alerts<L, N> {
    /// The cap's open window, once the digest of the window before is posted; `true` when this
    /// invocation posted that digest.
    pub(super) async fn cap_window(&self, deadline: Instant) -> Result<(CapWindow, bool), Failed> {
        let window = self
            .ledger
            .window(SCOPE, (self.clock)(), self.frontend.window)
            .await
            .map_err(|err| {
                tracing::error!(event = "logs.cap_failed", error = %cause_chain(&err));
                Failed::Stop
            })?;
        let Some(digest) = window.carried else {
            return Ok((window, false));
        };
        let key = FrontendCap::digest_key(&digest);
        match self.claim(&key).await {
            Ok(Begin::Done) => Ok((window, false)),
            Ok(_) => {
                let message = digest_message(&digest, &self.frontend);
                self.post(&key, &message, deadline)
                    .await
                    .map_err(|_| Failed::Stop)?;
                Ok((window, true))
            }
            Err(err) => {
                tracing::error!(event = "logs.alert_failed", key = %key, error = %cause_chain(&err));
                Err(Failed::Stop)
            }
        }
    }

    /// Whether the claimed `key` may post within the cap; a capped one is settled.
    pub(super) async fn admit(
        &self,
        window: &CapWindow,
        key: &str,
        events: u64,
    ) -> Result<Admission, Failed> {
        let admitted = self
            .ledger
            .admit(
                SCOPE,
                key,
                window.end_ms,
                events,
                self.frontend.max_posts,
                (self.clock)(),
            )
            .await;
        match admitted {
            Ok(admission) => Ok(admission),
            Err(err) => {
                tracing::error!(event = "logs.alert_failed", key = %key, error = %cause_chain(&err));
                self.release(key).await;
                Err(Failed::Alone)
            }
        }
    }
}
