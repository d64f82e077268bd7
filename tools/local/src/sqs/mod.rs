//! SQS event sources: several pollers per queue receive through moto's real SQS API, invoke
//! the function with a batch, and delete the records that succeeded by the rules of
//! `ReportBatchItemFailures`; the others come back after the visibility timeout until
//! `maxReceiveCount` moves them to the dead-letter queue.

mod batch;

pub use batch::{Settled, settle};

use crate::lambda::Function;
use aws_sdk_sqs::types::{
    DeleteMessageBatchRequestEntry, Message, MessageSystemAttributeName, QueueAttributeName,
};
use serde_json::{Map, Value, json};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Refuses an event source whose queue hides a message for less time than the function may
/// run, as `CreateEventSourceMapping` does.
pub async fn check_visibility(
    sqs: &aws_sdk_sqs::Client,
    queue_url: &str,
    function: &Function,
) -> Result<(), String> {
    let attributes = sqs
        .get_queue_attributes()
        .queue_url(queue_url)
        .attribute_names(QueueAttributeName::VisibilityTimeout)
        .send()
        .await
        .map_err(|err| shared::http::cause_chain(&err))?;
    let visibility: u64 = attributes
        .attributes
        .and_then(|a| a.get(&QueueAttributeName::VisibilityTimeout).cloned())
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let timeout = function.spec.timeout.as_secs();
    if visibility < timeout {
        return Err(format!(
            "InvalidParameterValueException: Queue visibility timeout: {visibility} seconds is less than Function timeout: {timeout} seconds ({})",
            function.spec.name
        ));
    }
    Ok(())
}

/// One `SQS` event of a function; [`Poller::run`] it once per batch allowed in flight.
pub struct Poller {
    pub function: Arc<Function>,
    pub queue_url: String,
    pub queue_arn: String,
    pub region: String,
    pub batch_size: usize,
    pub window: Duration,
    pub report_failures: bool,
}

impl Poller {
    /// Polls until the process ends.
    pub async fn run(self: Arc<Self>, sqs: aws_sdk_sqs::Client) {
        loop {
            match self.poll_once(&sqs).await {
                Ok(_) => {}
                Err(err) => {
                    eprintln!("local: polling {} failed: {err}", self.queue_arn);
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }

    /// Receives one batch (waiting up to the batching window), invokes, and deletes what
    /// succeeded. Returns how many records were delivered.
    pub async fn poll_once(&self, sqs: &aws_sdk_sqs::Client) -> Result<usize, String> {
        let started = Instant::now();
        let mut batch: Vec<Message> = Vec::new();
        while batch.len() < self.batch_size {
            let wanted = (self.batch_size - batch.len()).min(10) as i32;
            let received = sqs
                .receive_message()
                .queue_url(&self.queue_url)
                .max_number_of_messages(wanted)
                .wait_time_seconds(1)
                .message_system_attribute_names(MessageSystemAttributeName::All)
                .message_attribute_names("All")
                .send()
                .await
                .map_err(|err| shared::http::cause_chain(&err))?;
            batch.extend(received.messages.unwrap_or_default());
            if !batch.is_empty() && started.elapsed() >= self.window {
                break;
            }
        }
        if batch.is_empty() {
            return Ok(0);
        }
        let event = json!({"Records": batch.iter().map(|m| self.record(m)).collect::<Vec<_>>()});
        let ids: HashSet<&str> = batch.iter().filter_map(|m| m.message_id()).collect();
        let failed: HashSet<String> = match self.function.invoke(&event).await {
            Ok(answer) if self.report_failures => match settle(&answer, &ids) {
                Settled::All => HashSet::new(),
                Settled::AllBut(failed) => failed,
                Settled::None => {
                    eprintln!(
                        "local: {} answered a batch of {} with invalid batchItemFailures; the whole batch will be retried",
                        self.function.spec.name,
                        batch.len()
                    );
                    return Ok(batch.len());
                }
            },
            Ok(_) => HashSet::new(),
            Err(err) => {
                eprintln!(
                    "local: {} failed on a batch of {} ({err}); the batch will be retried",
                    self.function.spec.name,
                    batch.len()
                );
                return Ok(batch.len());
            }
        };
        let done: Vec<DeleteMessageBatchRequestEntry> = batch
            .iter()
            .filter(|m| m.message_id.as_ref().is_some_and(|id| !failed.contains(id)))
            .enumerate()
            .filter_map(|(i, m)| {
                DeleteMessageBatchRequestEntry::builder()
                    .id(i.to_string())
                    .receipt_handle(m.receipt_handle.clone().unwrap_or_default())
                    .build()
                    .ok()
            })
            .collect();
        for chunk in done.chunks(10) {
            sqs.delete_message_batch()
                .queue_url(&self.queue_url)
                .set_entries(Some(chunk.to_vec()))
                .send()
                .await
                .map_err(|err| shared::http::cause_chain(&err))?;
        }
        Ok(batch.len())
    }

    fn record(&self, message: &Message) -> Value {
        let attributes: Map<String, Value> = message
            .attributes
            .iter()
            .flatten()
            .map(|(name, value)| (name.as_str().to_owned(), Value::String(value.clone())))
            .collect();
        let message_attributes: Map<String, Value> = message
            .message_attributes
            .iter()
            .flatten()
            .map(|(name, value)| {
                let mut attribute = json!({"dataType": value.data_type(), "stringListValues": [], "binaryListValues": []});
                if let Some(text) = value.string_value() {
                    attribute["stringValue"] = Value::String(text.to_owned());
                }
                (name.clone(), attribute)
            })
            .collect();
        json!({
            "messageId": message.message_id, "receiptHandle": message.receipt_handle, "body": message.body,
            "attributes": attributes, "messageAttributes": message_attributes,
            "md5OfBody": message.md5_of_body, "eventSource": "aws:sqs",
            "eventSourceARN": self.queue_arn, "awsRegion": self.region,
        })
    }
}
