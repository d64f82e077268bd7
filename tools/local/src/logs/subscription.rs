//! Log subscriptions: polls a log group in moto, and delivers new matching events to the
//! subscribed function as CloudWatch Logs does (base64 of gzip of the JSON payload), with the
//! asynchronous invocation's retries and failure destination.

use super::FilterPattern;
use crate::lambda::Function;
use base64::Engine;
use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

const POLL_EVERY: Duration = Duration::from_secs(1);
const LOOK_BACK_MS: i64 = 10 * 60 * 1000;
const ASYNC_RETRIES: u32 = 2;

/// One `CloudWatchLogs` event of a function in the template.
pub struct Subscription {
    pub name: String,
    pub group: String,
    pub pattern: FilterPattern,
    pub function: Arc<Function>,
    /// The SQS queue URL of the function's failure destination.
    pub on_failure: Option<String>,
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
    /// Delivers until the process ends.
    pub async fn run(self, logs: aws_sdk_cloudwatchlogs::Client, sqs: aws_sdk_sqs::Client) {
        let mut seen: HashMap<String, i64> = HashMap::new();
        // What is in the group when we start was there before us: only mark it seen.
        let mut started = false;
        loop {
            match self.new_events(&logs, &mut seen).await {
                Ok(events) if std::mem::replace(&mut started, true) => {
                    self.deliver(events, &sqs).await
                }
                Ok(_) => {}
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
        seen: &mut HashMap<String, i64>,
    ) -> Result<BTreeMap<String, Vec<(String, i64, String)>>, String> {
        let since = now_ms() - LOOK_BACK_MS;
        seen.retain(|_, timestamp| *timestamp >= since);
        let mut by_stream: BTreeMap<String, Vec<(String, i64, String)>> = BTreeMap::new();
        let mut pages = logs
            .filter_log_events()
            .log_group_name(&self.group)
            .start_time(since)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|err| shared::http::cause_chain(&err))?;
            for event in page.events.unwrap_or_default() {
                let (Some(id), Some(timestamp), Some(message)) =
                    (event.event_id, event.timestamp, event.message)
                else {
                    continue;
                };
                if seen.insert(id.clone(), timestamp).is_some() || !self.pattern.matches(&message) {
                    continue;
                }
                by_stream
                    .entry(event.log_stream_name.unwrap_or_default())
                    .or_default()
                    .push((id, timestamp, message));
            }
        }
        Ok(by_stream)
    }

    async fn deliver(
        &self,
        by_stream: BTreeMap<String, Vec<(String, i64, String)>>,
        sqs: &aws_sdk_sqs::Client,
    ) {
        for (stream, events) in by_stream {
            let event = payload(&self.group, &stream, &self.name, &events);
            let mut attempt = 0;
            loop {
                match self.function.invoke(&event).await {
                    Ok(_) => break,
                    Err(err) if attempt < ASYNC_RETRIES => {
                        attempt += 1;
                        eprintln!(
                            "local: {} failed on {} events of {} ({err}); retry {attempt}",
                            self.function.spec.name,
                            events.len(),
                            self.group
                        );
                        tokio::time::sleep(Duration::from_secs(u64::from(attempt))).await;
                    }
                    Err(err) => {
                        self.give_up(&event, &err.to_string(), sqs).await;
                        break;
                    }
                }
            }
        }
    }

    async fn give_up(&self, event: &Value, error: &str, sqs: &aws_sdk_sqs::Client) {
        let Some(queue) = &self.on_failure else {
            eprintln!(
                "local: {} dropped a log payload after retries: {error}",
                self.function.spec.name
            );
            return;
        };
        let record = json!({
            "version": "1.0",
            "timestamp": time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
            "requestContext": {
                "functionArn": format!("arn:aws:lambda:local:{}:function:{}", crate::template::ACCOUNT, self.function.spec.name),
                "condition": "RetriesExhausted",
                "approximateInvokeCount": ASYNC_RETRIES + 1,
            },
            "requestPayload": event,
            "responsePayload": {"errorMessage": error},
        });
        if let Err(err) = sqs
            .send_message()
            .queue_url(queue)
            .message_body(record.to_string())
            .send()
            .await
        {
            eprintln!(
                "local: cannot write to the failure destination {queue}: {}",
                shared::http::cause_chain(&err)
            );
        }
    }
}
