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

/// What follows a failed attempt.
#[derive(Debug, PartialEq)]
enum Step {
    Retry(Duration),
    /// The destination record's `condition`.
    GiveUp(&'static str),
}

/// After `attempts` failed attempts of an event queued `age` ago: the next retry's wait, or why
/// the event is given up (`RetriesExhausted`, `EventAgeExceeded`).
fn next_step(attempts: u32, retries: u32, age: Duration, max_age: Duration, scale: f64) -> Step {
    if attempts > retries {
        return Step::GiveUp("RetriesExhausted");
    }
    let delay = RETRY_DELAYS[(attempts as usize).saturating_sub(1).min(1)].mul_f64(scale);
    if age + delay > max_age {
        return Step::GiveUp("EventAgeExceeded");
    }
    Step::Retry(delay)
}

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
            let condition = match next_step(
                attempts,
                spec.async_retries,
                queued.elapsed(),
                max_age,
                self.settings.time_scale,
            ) {
                Step::Retry(delay) => {
                    eprintln!(
                        "local: {} failed an asynchronous event ({error}); retry {attempts} in {delay:?}",
                        spec.name
                    );
                    tokio::time::sleep(delay).await;
                    continue;
                }
                Step::GiveUp(condition) => condition,
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

#[cfg(test)]
mod tests {
    use super::*;

    const HOURS_6: Duration = Duration::from_secs(21_600);

    /// AWS Lambda Developer Guide, "Invoking a Lambda function asynchronously" (errors and
    /// retries: about 1 minute, then 2 minutes) and "Configuring error handling for
    /// asynchronous invocation" (`MaximumRetryAttempts` 0-2, `MaximumEventAgeInSeconds`).
    #[test]
    fn two_retries_come_after_about_one_and_two_minutes_then_retries_are_exhausted() {
        assert_eq!(
            next_step(1, 2, Duration::ZERO, HOURS_6, 1.0),
            Step::Retry(Duration::from_secs(60))
        );
        assert_eq!(
            next_step(2, 2, Duration::from_secs(60), HOURS_6, 1.0),
            Step::Retry(Duration::from_secs(120))
        );
        assert_eq!(
            next_step(3, 2, Duration::from_secs(180), HOURS_6, 1.0),
            Step::GiveUp("RetriesExhausted")
        );
        assert_eq!(
            next_step(1, 0, Duration::ZERO, HOURS_6, 1.0),
            Step::GiveUp("RetriesExhausted")
        );
    }

    #[test]
    fn an_event_that_would_outlive_its_maximum_age_is_given_up() {
        let max_age = Duration::from_secs(90);
        assert_eq!(
            next_step(2, 2, Duration::from_secs(60), max_age, 1.0),
            Step::GiveUp("EventAgeExceeded")
        );
    }

    #[test]
    fn the_time_scale_shortens_the_waits() {
        assert_eq!(
            next_step(1, 2, Duration::ZERO, HOURS_6, 0.01),
            Step::Retry(Duration::from_millis(600))
        );
    }
}
