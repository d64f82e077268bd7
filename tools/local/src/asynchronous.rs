//! Asynchronous invocation as Lambda does it for event sources such as log subscriptions: the
//! event is queued, retried after about one and then two minutes up to the function's
//! `EventInvokeConfig` (`MaximumRetryAttempts`, `MaximumEventAgeInSeconds`), sent to the
//! failure destination when it is given up, and now and then delivered twice.

use crate::lambda::Function;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Lambda's waits before the first and the second retry.
const RETRY_DELAYS: [Duration; 2] = [Duration::from_secs(60), Duration::from_secs(120)];

/// How the local cloud runs asynchronous invocations.
#[derive(Debug, Clone, Copy)]
pub struct AsyncSettings {
    /// Multiplies every wait and the event age limit (1.0 is AWS's time; tests use less).
    pub time_scale: f64,
    /// The chance that a delivered event is delivered once more (at-least-once delivery).
    pub duplicate_rate: f64,
}

/// The asynchronous invoker of one function.
#[derive(Clone)]
pub struct AsyncInvoker {
    pub function: Arc<Function>,
    /// The SQS queue URL of the function's failure destination.
    pub on_failure: Option<String>,
    pub sqs: aws_sdk_sqs::Client,
    pub settings: AsyncSettings,
}

impl AsyncInvoker {
    /// Queues `event`: returns at once, as `InvocationType=Event` does.
    pub fn send(&self, event: Value) {
        let invoker = self.clone();
        tokio::spawn(async move { invoker.deliver(event).await });
    }

    async fn deliver(&self, event: Value) {
        let queued = Instant::now();
        let spec = &self.function.spec;
        let max_age = spec.async_max_age.mul_f64(self.settings.time_scale);
        let mut attempts = 0;
        loop {
            attempts += 1;
            let error = match self.function.invoke(&event).await {
                Ok(_) => {
                    if fastrand::f64() < self.settings.duplicate_rate {
                        let _ = self.function.invoke(&event).await;
                    }
                    return;
                }
                Err(err) => err.to_string(),
            };
            let retries_left = attempts <= spec.async_retries;
            let delay =
                RETRY_DELAYS[(attempts as usize - 1).min(1)].mul_f64(self.settings.time_scale);
            let condition = if !retries_left {
                "RetriesExhausted"
            } else if queued.elapsed() + delay > max_age {
                "EventAgeExceeded"
            } else {
                eprintln!(
                    "local: {} failed an asynchronous event ({error}); retry {attempts} in {delay:?}",
                    spec.name
                );
                tokio::time::sleep(delay).await;
                continue;
            };
            self.give_up(&event, &error, condition, attempts).await;
            return;
        }
    }

    async fn give_up(&self, event: &Value, error: &str, condition: &str, attempts: u32) {
        let name = &self.function.spec.name;
        let Some(queue) = &self.on_failure else {
            eprintln!("local: {name} dropped an asynchronous event ({condition}): {error}");
            return;
        };
        let record = json!({
            "version": "1.0",
            "timestamp": time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
            "requestContext": {
                "functionArn": format!("arn:aws:lambda:local:{}:function:{name}", crate::template::ACCOUNT),
                "condition": condition,
                "approximateInvokeCount": attempts,
            },
            "requestPayload": event,
            "responsePayload": {"errorMessage": error},
        });
        if let Err(err) = self
            .sqs
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
