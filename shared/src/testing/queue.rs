//! Queues for integration tests: a fresh SQS queue per test on moto's server, and what was
//! sent to it, taken off.

use serde::de::DeserializeOwned;

/// A fresh, uniquely named queue (`<prefix>-<uuid>`): a client and its URL.
pub async fn fresh(prefix: &str) -> (aws_sdk_sqs::Client, String) {
    let sqs = crate::aws::sqs(&crate::aws::load().await);
    let name = format!("{prefix}-{}", uuid::Uuid::new_v4().simple());
    let url = sqs
        .create_queue()
        .queue_name(name)
        .send()
        .await
        .expect("a queue on moto")
        .queue_url
        .expect("its url");
    (sqs, url)
}

/// Every message waiting on the queue at `url`, parsed, and deleted from it.
pub async fn drain<T: DeserializeOwned>(sqs: &aws_sdk_sqs::Client, url: &str) -> Vec<T> {
    let mut messages = Vec::new();
    loop {
        let received = sqs
            .receive_message()
            .queue_url(url)
            .max_number_of_messages(10)
            .send()
            .await
            .expect("receiving from moto");
        let batch = received.messages.unwrap_or_default();
        if batch.is_empty() {
            return messages;
        }
        for message in batch {
            let body = message.body().unwrap_or_default();
            messages.push(serde_json::from_str(body).expect("a message of the expected type"));
            sqs.delete_message()
                .queue_url(url)
                .receipt_handle(message.receipt_handle().unwrap_or_default())
                .send()
                .await
                .expect("deleting from moto");
        }
    }
}
