//! The alert ledger on DynamoDB (`LogAlertsTable`, hash key `pk`).
//!
//! Deliveries (`event#<log event id>`): `status` PENDING, FAILED or DONE, `lease_until` (ms)
//! and `expires_at` (s). Bursts (`burst#<service|kind|fingerprint>`): `window_end` (ms),
//! `opened_by` (the delivery that posted), `carried` (counted in the window before), and
//! `suppressed` (counted in this window). Every condition compares the stored times with the
//! clock, so nothing depends on TTL deleting expired items. Per-window caps: `dynamo/cap.rs`.

use crate::ports::{AlertLedger, Begin, Decision, StoreError};
use aws_sdk_dynamodb::types::builders::UpdateBuilder;
use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};
use shared::table::{Item, KEY, Table};
use std::time::Duration;

mod cap;

const PENDING: &str = "PENDING";
const FAILED: &str = "FAILED";
const DONE: &str = "DONE";
/// How long a claim of an invocation that died blocks others.
const LEASE: Duration = Duration::from_secs(90);
/// How long a settled delivery is remembered: beyond Lambda's six hours of async retries.
const RETENTION: Duration = Duration::from_secs(24 * 3600);
/// Attempts at settling a race on a burst item before giving up.
const RACE_ATTEMPTS: usize = 4;

/// The ledger in one table.
#[derive(Clone)]
pub struct DynamoLedger {
    table: Table,
}

fn s(value: &str) -> AttributeValue {
    AttributeValue::S(value.to_owned())
}

fn n(value: impl ToString) -> AttributeValue {
    AttributeValue::N(value.to_string())
}

fn number(item: &Item, name: &str) -> i64 {
    item.get(name)
        .and_then(|v| v.as_n().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn text<'a>(item: &'a Item, name: &str) -> &'a str {
    item.get(name)
        .and_then(|v| v.as_s().ok())
        .map_or("", String::as_str)
}

fn expiry(now_ms: i64, keep: Duration) -> AttributeValue {
    n(now_ms / 1000 + keep.as_secs() as i64)
}

impl DynamoLedger {
    pub fn new(table: Table) -> Self {
        Self { table }
    }

    /// Opens a new window for `key`; `false` when another writer changed the item first.
    async fn open(
        &self,
        burst: &str,
        key: &str,
        old: Option<&Item>,
        carried: u64,
        now_ms: i64,
        window: Duration,
    ) -> Result<bool, StoreError> {
        let window_end = now_ms + window.as_millis() as i64;
        let mut update = self
            .table
            .client()
            .update_item()
            .table_name(self.table.name())
            .key(KEY, s(burst))
            .update_expression("SET window_end = :end, opened_by = :key, carried = :carried, suppressed = :zero, expires_at = :expires")
            .expression_attribute_values(":end", n(window_end))
            .expression_attribute_values(":key", s(key))
            .expression_attribute_values(":carried", n(carried))
            .expression_attribute_values(":zero", n(0))
            .expression_attribute_values(":expires", expiry(window_end, RETENTION));
        update = match old {
            Some(item) => update
                .condition_expression("window_end = :old_end AND suppressed = :old_suppressed")
                .expression_attribute_values(":old_end", n(number(item, "window_end")))
                .expression_attribute_values(":old_suppressed", n(number(item, "suppressed"))),
            None => update.condition_expression("attribute_not_exists(pk)"),
        };
        shared::aws::condition_held(update.send().await).map_err(StoreError::new)
    }

    /// Applies `add` (an `ADD` expression over `values`) to `pk` while its window still ends
    /// at `end_ms`, and settles the claimed `key`, both or neither; `false` when the window
    /// moved on first.
    async fn add_and_settle(
        &self,
        pk: &str,
        add: &str,
        values: Vec<(&str, AttributeValue)>,
        end_ms: i64,
        key: &str,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let item = |update: UpdateBuilder| {
            update
                .build()
                .map_err(StoreError::new)
                .map(|u| TransactWriteItem::builder().update(u).build())
        };
        let counted = values.into_iter().fold(
            Update::builder()
                .table_name(self.table.name())
                .key(KEY, s(pk))
                .update_expression(add)
                .condition_expression("window_end = :end")
                .expression_attribute_values(":end", n(end_ms)),
            |update, (name, value)| update.expression_attribute_values(name, value),
        );
        let settle = Update::builder()
            .table_name(self.table.name())
            .key(KEY, s(key))
            .update_expression("SET #status = :done, expires_at = :expires")
            .condition_expression("#status = :pending")
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":done", s(DONE))
            .expression_attribute_values(":pending", s(PENDING))
            .expression_attribute_values(":expires", expiry(now_ms, RETENTION));
        self.table
            .transact(vec![item(counted)?, item(settle)?])
            .await
    }

    /// Checks that the table answers, for status reports.
    pub async fn check(&self) -> Result<(), String> {
        self.table.check().await
    }
}

impl AlertLedger for DynamoLedger {
    async fn begin(&self, key: &str, now_ms: i64) -> Result<Begin, StoreError> {
        let claimed = self
            .table
            .client()
            .update_item()
            .table_name(self.table.name())
            .key(KEY, s(key))
            .update_expression(
                "SET #status = :pending, lease_until = :lease, expires_at = :expires",
            )
            .condition_expression(
                "attribute_not_exists(pk) OR expires_at < :now_s OR #status = :failed \
                 OR (#status = :pending AND lease_until < :now_ms)",
            )
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":pending", s(PENDING))
            .expression_attribute_values(":failed", s(FAILED))
            .expression_attribute_values(":lease", n(now_ms + LEASE.as_millis() as i64))
            .expression_attribute_values(":expires", expiry(now_ms, RETENTION))
            .expression_attribute_values(":now_s", n(now_ms / 1000))
            .expression_attribute_values(":now_ms", n(now_ms))
            .send()
            .await;
        match claimed {
            Ok(_) => Ok(Begin::Fresh),
            Err(err)
                if err
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
            {
                let item = self.table.get_item(key).await?.unwrap_or_default();
                Ok(if text(&item, "status") == DONE {
                    Begin::Done
                } else {
                    Begin::Busy
                })
            }
            Err(err) => Err(StoreError::new(err)),
        }
    }

    async fn burst(
        &self,
        burst_key: &str,
        key: &str,
        count: u64,
        now_ms: i64,
        window: Duration,
    ) -> Result<Decision, StoreError> {
        let burst = format!("burst#{burst_key}");
        for _ in 0..RACE_ATTEMPTS {
            let item = self.table.get_item(&burst).await?;
            let Some(item) = item else {
                if self.open(&burst, key, None, 0, now_ms, window).await? {
                    return Ok(Decision::Post { carried: 0 });
                }
                continue;
            };
            let ours = text(&item, "opened_by") == key;
            let carried = number(&item, "carried").max(0) as u64;
            if number(&item, "window_end") >= now_ms {
                if ours {
                    return Ok(Decision::Post { carried });
                }
                let counted = self
                    .add_and_settle(
                        &burst,
                        "ADD suppressed :count",
                        vec![(":count", n(count))],
                        number(&item, "window_end"),
                        key,
                        now_ms,
                    )
                    .await?;
                if counted {
                    return Ok(Decision::Suppressed);
                }
                continue;
            }
            let suppressed = number(&item, "suppressed").max(0) as u64;
            let carried = if ours {
                carried + suppressed
            } else {
                suppressed
            };
            if self
                .open(&burst, key, Some(&item), carried, now_ms, window)
                .await?
            {
                return Ok(Decision::Post { carried });
            }
        }
        Err(StoreError::because(format!(
            "{burst} kept changing under concurrent writers"
        )))
    }

    async fn finish(&self, key: &str, now_ms: i64) -> Result<(), StoreError> {
        self.table
            .client()
            .update_item()
            .table_name(self.table.name())
            .key(KEY, s(key))
            .update_expression("SET #status = :done, expires_at = :expires")
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":done", s(DONE))
            .expression_attribute_values(":expires", expiry(now_ms, RETENTION))
            .send()
            .await
            .map_err(StoreError::new)?;
        Ok(())
    }

    async fn fail(&self, key: &str) -> Result<(), StoreError> {
        self.table
            .client()
            .update_item()
            .table_name(self.table.name())
            .key(KEY, s(key))
            .update_expression("SET #status = :failed")
            .condition_expression("#status = :pending")
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":failed", s(FAILED))
            .expression_attribute_values(":pending", s(PENDING))
            .send()
            .await
            .map_err(StoreError::new)?;
        Ok(())
    }
}
