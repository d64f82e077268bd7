//! Sending messages to an SQS queue, as JSON. The consumer side is `shared::sqs`.

use serde::Serialize;
use std::error::Error as StdError;

/// Sending failed; the message may or may not have been queued.
#[derive(Debug, thiserror::Error)]
#[error("sending to the queue failed")]
pub struct QueueError(#[source] Box<dyn StdError + Send + Sync>);

/// One queue, by its URL; cheap to clone.
#[derive(Clone, Debug)]
pub struct Queue {
    client: aws_sdk_sqs::Client,
    url: String,
}

impl Queue {
    pub fn new(client: aws_sdk_sqs::Client, url: impl Into<String>) -> Self {
        Self {
            client,
            url: url.into(),
        }
    }

    /// Sends `message` as its JSON.
    pub async fn send(&self, message: &impl Serialize) -> Result<(), QueueError> {
        let body = serde_json::to_string(message).map_err(|err| QueueError(Box::new(err)))?;
        self.client
            .send_message()
            .queue_url(&self.url)
            .message_body(body)
            .send()
            .await
            .map_err(|err| QueueError(Box::new(err)))?;
        Ok(())
    }

    /// The status check: the queue exists and answers.
    pub async fn check(&self) -> Result<(), String> {
        self.client
            .get_queue_attributes()
            .queue_url(&self.url)
            .attribute_names(aws_sdk_sqs::types::QueueAttributeName::ApproximateNumberOfMessages)
            .send()
            .await
            .map(|_| ())
            .map_err(|err| crate::http::cause_chain(&err))
    }
}
