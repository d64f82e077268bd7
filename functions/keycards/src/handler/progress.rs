//! The two steps the API, the webhook and the sync share: ordering a keycard at the supplier,
//! and applying what the supplier reports, mails first, then the guarded write.

use super::App;
use crate::domain::{Keycard, SupplierCard, now};
use crate::error::{KeycardsError, KeycardsFailure};
use crate::ports::{KeycardStore, Notifier, Supplier};

/// How often a report is applied again after a concurrent change of the same keycard.
const ATTEMPTS: usize = 3;

impl<S: KeycardStore + Sync, P: Supplier + Sync, N: Notifier + Sync> App<S, P, N> {
    /// Orders `keycard` at the supplier (one order per keycard: our id is its `externalId`)
    /// and applies the answer; the keycard as it is now.
    pub(super) async fn place(&self, keycard: Keycard) -> Result<Keycard, KeycardsFailure> {
        let card = self.supplier.order(&keycard).await?;
        self.apply(keycard, &card).await
    }

    /// Moves `keycard` forwards to what `card` reports, if it does. Its mails are queued
    /// before the write, so a failed write leaves the report to be applied again and the
    /// mail queued twice under one message id, never lost. The keycard as it is now.
    pub(super) async fn apply(
        &self,
        mut keycard: Keycard,
        card: &SupplierCard,
    ) -> Result<Keycard, KeycardsFailure> {
        for _ in 0..ATTEMPTS {
            let Some(step) = keycard.progress(card, &now()) else {
                if keycard
                    .card_order_id
                    .as_ref()
                    .is_some_and(|known| *known != card.card_order_id)
                {
                    tracing::warn!(
                        event = "keycard.foreign_report",
                        keycard_id = %keycard.keycard_id,
                        card_order_id = %card.card_order_id,
                        "a report about another supplier order was ignored"
                    );
                }
                return Ok(keycard);
            };
            for kind in &step.mails {
                self.notifier.notify(&step.keycard, *kind).await?;
            }
            if self.store.advance(&step.keycard).await? {
                let next = step.keycard;
                if step.produced {
                    tracing::info!(
                        event = "keycard.produced",
                        keycard_id = %next.keycard_id,
                        "keycard produced"
                    );
                }
                tracing::info!(
                    event = "keycard.advanced",
                    keycard_id = %next.keycard_id,
                    status = next.status.as_str()
                );
                return Ok(next);
            }
            keycard = self
                .store
                .keycard(&keycard.keycard_id)
                .await?
                .ok_or(KeycardsError::NotFound)?;
        }
        Ok(keycard)
    }
}
