//! The scheduled sync: keycards unchanged for a while and not final are ordered again (if
//! the order never reached the supplier) or asked about, so a lost webhook or a supplier
//! outage delays a card but never loses it. It stops before the invocation's deadline; the
//! next run goes on where it stopped.

use super::App;
use crate::domain::{Keycard, stamp};
use crate::error::KeycardsFailure;
use crate::ports::{KeycardStore, Notifier, Supplier};
use serde::Serialize;
use tokio::time::Instant;

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Keycards due for a look.
    pub due: usize,
    /// Of those, the ones that moved on.
    pub advanced: usize,
    /// The ones whose look failed (logged); the next run tries again.
    pub failed: usize,
    /// The ones left for the next run because the deadline came close.
    pub left: usize,
}

impl<S: KeycardStore + Sync, P: Supplier + Sync, N: Notifier + Sync> App<S, P, N> {
    /// One sync run, ending `sync_reserve` before `deadline` if there is one.
    pub async fn sync(&self, deadline: Option<Instant>) -> Result<SyncReport, KeycardsFailure> {
        let cutoff = time::OffsetDateTime::now_utc() - self.config.sync_after;
        let due = self
            .store
            .unchanged_since(&stamp(cutoff), self.config.sync_batch)
            .await?;
        let mut report = SyncReport {
            due: due.len(),
            ..SyncReport::default()
        };
        for (done, keycard) in due.into_iter().enumerate() {
            if deadline.is_some_and(|end| Instant::now() + self.config.sync_reserve >= end) {
                report.left = report.due - done;
                break;
            }
            let id = keycard.keycard_id.clone();
            let version = keycard.version;
            match self.look(keycard).await {
                Ok(now) if now.version != version => report.advanced += 1,
                Ok(_) => {}
                Err(err) => {
                    report.failed += 1;
                    tracing::warn!(
                        event = "keycard.sync_failed",
                        keycard_id = %id,
                        error = %shared::http::cause_chain(&err)
                    );
                }
            }
        }
        tracing::info!(
            event = "keycard.synced",
            due = report.due,
            advanced = report.advanced,
            failed = report.failed,
            left = report.left
        );
        Ok(report)
    }

    async fn look(&self, keycard: Keycard) -> Result<Keycard, KeycardsFailure> {
        match keycard.card_order_id.clone() {
            Some(card_order_id) => {
                let card = self.supplier.card(&card_order_id).await?;
                self.apply(keycard, &card).await
            }
            None => self.place(keycard).await,
        }
    }
}
