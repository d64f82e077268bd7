//! Log subscriptions: polls a log group in moto, and delivers the matching events it ingested
//! since the last poll, whatever their timestamps, to the subscribed function as CloudWatch
//! Logs does (base64 of gzip of the JSON payload), as an asynchronous invocation.

use super::FilterPattern;
use crate::asynchronous::AsyncInvoker;
use base64::Engine;
use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::time::Duration;

const POLL_EVERY: Duration = Duration::from_secs(1);
/// `PutLogEvents` refuses events older than 14 days, so no event to deliver is older.
const OLDEST_EVENT_MS: i64 = 14 * 24 * 3600 * 1000;
/// How far behind the newest ingestion time an event may still turn up (batches written at
/// about the same time by different writers).
const INGESTION_SLACK_MS: i64 = 10_000;

/// One `CloudWatchLogs` event of a function in the template.
pub struct Subscription {
    pub name: String,
    pub group: String,
    pub pattern: FilterPattern,
    pub invoker: AsyncInvoker,
}

/// Where delivery stands: the newest ingestion time seen, and the events seen near it.
struct Cursor {
    since: i64,
    newest: i64,
    seen: HashMap<String, i64>,
}

impl Cursor {
    fn new(since: i64) -> Self {
        Self {
            since,
            newest: since,
            seen: HashMap::new(),
        }
    }

    /// The ingestion time before which nothing is new any more.
    fn floor(&self) -> i64 {
        self.since.max(self.newest - INGESTION_SLACK_MS)
    }

    /// Whether the event ingested at `ingested` is new; remembers it.
    fn admit(&mut self, id: &str, ingested: i64) -> bool {
        if ingested < self.floor() {
            return false;
        }
        if self.seen.insert(id.to_owned(), ingested).is_some() {
            return false;
        }
        self.newest = self.newest.max(ingested);
        true
    }

    fn prune(&mut self) {
        let oldest = self.newest - INGESTION_SLACK_MS;
        self.seen.retain(|_, ingested| *ingested >= oldest);
    }
}

/// The event a subscribed function receives for `events` of one stream.
pub fn payload(group: &str, stream: &str, filter: &str, events: &[(String, i64, String)]) -> Value {
    let data = json!({
        "messageType": "DATA_MESSAGE",
        "owner": crate::template::ACCOUNT,
        "logGroup": group,
        "logStream": stream,
        "subscriptionFilters": [filter],
        "logEvents": events.iter().map(|(id, timestamp, message)| json!({"id": id, "timestamp": timestamp, "message": message})).collect::<Vec<_>>(),
    });
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    let _ = encoder.write_all(data.to_string().as_bytes());
    let zipped = encoder.finish().unwrap_or_default();
    json!({"awslogs": {"data": base64::engine::general_purpose::STANDARD.encode(zipped)}})
}

fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

impl Subscription {
    /// Delivers until the process ends. What the group held before is not delivered.
    pub async fn run(self, logs: aws_sdk_cloudwatchlogs::Client) {
        let mut cursor = Cursor::new(now_ms());
        loop {
            match self.new_events(&logs, &mut cursor).await {
                Ok(by_stream) => {
                    for (stream, events) in by_stream {
                        self.invoker
                            .send(payload(&self.group, &stream, &self.name, &events));
                    }
                }
                Err(err) => eprintln!(
                    "local: subscription {} cannot read {}: {err}",
                    self.name, self.group
                ),
            }
            tokio::time::sleep(POLL_EVERY).await;
        }
    }

    async fn new_events(
        &self,
        logs: &aws_sdk_cloudwatchlogs::Client,
        cursor: &mut Cursor,
    ) -> Result<BTreeMap<String, Vec<(String, i64, String)>>, String> {
        let mut by_stream: BTreeMap<String, Vec<(String, i64, String)>> = BTreeMap::new();
        let streams = self.recent_streams(logs, cursor.floor()).await?;
        for chunk in streams.chunks(100) {
            self.read(logs, chunk, cursor, &mut by_stream).await?;
        }
        cursor.prune();
        Ok(by_stream)
    }

    /// The streams that ingested something at or after `floor`: only they can hold new events.
    async fn recent_streams(
        &self,
        logs: &aws_sdk_cloudwatchlogs::Client,
        floor: i64,
    ) -> Result<Vec<String>, String> {
        let mut streams = Vec::new();
        let mut pages = logs
            .describe_log_streams()
            .log_group_name(&self.group)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|err| shared::http::cause_chain(&err))?;
            streams.extend(
                page.log_streams
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|stream| {
                        (stream.last_ingestion_time? >= floor)
                            .then_some(stream.log_stream_name)
                            .flatten()
                    }),
            );
        }
        Ok(streams)
    }

    async fn read(
        &self,
        logs: &aws_sdk_cloudwatchlogs::Client,
        streams: &[String],
        cursor: &mut Cursor,
        by_stream: &mut BTreeMap<String, Vec<(String, i64, String)>>,
    ) -> Result<(), String> {
        let mut pages = logs
            .filter_log_events()
            .log_group_name(&self.group)
            .set_log_stream_names(Some(streams.to_vec()))
            .start_time(now_ms() - OLDEST_EVENT_MS)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|err| shared::http::cause_chain(&err))?;
            for event in page.events.unwrap_or_default() {
                let (Some(id), Some(timestamp), Some(ingested), Some(message)) = (
                    event.event_id,
                    event.timestamp,
                    event.ingestion_time,
                    event.message,
                ) else {
                    continue;
                };
                if !cursor.admit(&id, ingested) || !self.pattern.matches(&message) {
                    continue;
                }
                by_stream
                    .entry(event.log_stream_name.unwrap_or_default())
                    .or_default()
                    .push((id, timestamp, message));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_admitted_by_ingestion_time_once_and_not_from_before_the_start() {
        let mut cursor = Cursor::new(1_000_000);
        assert!(!cursor.admit("before", 999_000));
        assert!(cursor.admit("a", 1_000_500));
        assert!(!cursor.admit("a", 1_000_500));
        assert!(cursor.admit("late-but-near", 1_000_400));
        assert!(cursor.admit("b", 1_100_000));
        assert!(!cursor.admit("far-behind", 1_000_600));
    }
}
