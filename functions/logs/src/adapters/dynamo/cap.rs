//! Per-window caps on the ledger's table (`cap#<scope>`): `window_end` (ms), `posts` taken,
//! the overflow `capped_alerts`/`capped_events`, and the last window's overflow as
//! `carried_alerts`/`carried_events`/`carried_end` until the next window replaces it.

use super::{DynamoLedger, RACE_ATTEMPTS, RETENTION, expiry, n, number, s};
use crate::ports::{Admission, CapLedger, CapWindow, Digest, StoreError};
use shared::table::{Item, KEY};
use std::time::Duration;

fn window_of(item: &Item) -> CapWindow {
    let alerts = number(item, "carried_alerts").max(0) as u64;
    CapWindow {
        end_ms: number(item, "window_end"),
        carried: (alerts > 0).then(|| Digest {
            window_end_ms: number(item, "carried_end"),
            alerts,
            events: number(item, "carried_events").max(0) as u64,
        }),
    }
}

impl DynamoLedger {
    /// Replaces the ended window `old` (or none) by one ending at `end_ms` that carries its
    /// overflow; `false` when another writer changed the item first.
    async fn reopen(&self, pk: &str, old: Option<&Item>, end_ms: i64) -> Result<bool, StoreError> {
        let update = self
            .table
            .client()
            .update_item()
            .table_name(self.table.name())
            .key(KEY, s(pk))
            .update_expression(
                "SET window_end = :end, posts = :zero, capped_alerts = :zero, capped_events = :zero, \
                 carried_alerts = :alerts, carried_events = :events, carried_end = :old_end, expires_at = :expires",
            )
            .expression_attribute_values(":end", n(end_ms))
            .expression_attribute_values(":zero", n(0))
            .expression_attribute_values(":expires", expiry(end_ms, RETENTION));
        let update = match old {
            Some(item) => update
                .condition_expression("window_end = :old_end AND capped_alerts = :alerts")
                .expression_attribute_values(":alerts", n(number(item, "capped_alerts")))
                .expression_attribute_values(":events", n(number(item, "capped_events")))
                .expression_attribute_values(":old_end", n(number(item, "window_end"))),
            None => update
                .condition_expression("attribute_not_exists(pk)")
                .expression_attribute_values(":alerts", n(0))
                .expression_attribute_values(":events", n(0))
                .expression_attribute_values(":old_end", n(0)),
        };
        shared::aws::condition_held(update.send().await).map_err(StoreError::new)
    }
}

impl CapLedger for DynamoLedger {
    async fn window(
        &self,
        scope: &str,
        now_ms: i64,
        window: Duration,
    ) -> Result<CapWindow, StoreError> {
        let pk = format!("cap#{scope}");
        for _ in 0..RACE_ATTEMPTS {
            let item = self.table.get_item(&pk).await?;
            if let Some(item) = &item
                && number(item, "window_end") >= now_ms
            {
                return Ok(window_of(item));
            }
            let end_ms = now_ms + window.as_millis() as i64;
            if self.reopen(&pk, item.as_ref(), end_ms).await? {
                let carried = item.as_ref().and_then(|old| {
                    let alerts = number(old, "capped_alerts").max(0) as u64;
                    (alerts > 0).then(|| Digest {
                        window_end_ms: number(old, "window_end"),
                        alerts,
                        events: number(old, "capped_events").max(0) as u64,
                    })
                });
                return Ok(CapWindow { end_ms, carried });
            }
        }
        Err(StoreError::because(format!(
            "{pk} kept changing under concurrent writers"
        )))
    }

    async fn admit(
        &self,
        scope: &str,
        key: &str,
        end_ms: i64,
        events: u64,
        max_posts: u64,
        now_ms: i64,
    ) -> Result<Admission, StoreError> {
        let pk = format!("cap#{scope}");
        let taken = self
            .table
            .client()
            .update_item()
            .table_name(self.table.name())
            .key(KEY, s(&pk))
            .update_expression("ADD posts :one")
            .condition_expression("window_end = :end AND posts < :max")
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":end", n(end_ms))
            .expression_attribute_values(":max", n(max_posts))
            .send()
            .await;
        if shared::aws::condition_held(taken).map_err(StoreError::new)? {
            return Ok(Admission::Post);
        }
        let counted = self
            .add_and_settle(
                &pk,
                "ADD capped_alerts :one, capped_events :events",
                vec![(":one", n(1)), (":events", n(events))],
                end_ms,
                key,
                now_ms,
            )
            .await?;
        if counted {
            return Ok(Admission::Capped);
        }
        Err(StoreError::because(format!(
            "the window of {pk} ending at {end_ms} closed while this invocation used it"
        )))
    }
}
