//! Batches log lines and writes them with `PutLogEvents`, one stream per instance.

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;
use tokio::sync::mpsc;

struct Line {
    group: String,
    stream: String,
    timestamp: i64,
    message: String,
}

/// Where instances send their output; cheap to clone.
#[derive(Clone)]
pub struct Sink {
    sender: mpsc::UnboundedSender<Line>,
}

const FLUSH_EVERY: Duration = Duration::from_millis(300);

impl Sink {
    /// Starts the writer task.
    pub fn start(logs: aws_sdk_cloudwatchlogs::Client) -> Self {
        let (sender, receiver) = mpsc::unbounded_channel();
        tokio::spawn(write(logs, receiver));
        Self { sender }
    }

    /// Queues one line of `group`/`stream`, stamped now.
    pub fn push(&self, group: &str, stream: &str, message: String) {
        let timestamp = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
        let _ = self.sender.send(Line {
            group: group.to_owned(),
            stream: stream.to_owned(),
            timestamp,
            message,
        });
    }
}

async fn write(logs: aws_sdk_cloudwatchlogs::Client, mut receiver: mpsc::UnboundedReceiver<Line>) {
    let mut streams: HashSet<(String, String)> = HashSet::new();
    loop {
        let Some(first) = receiver.recv().await else {
            return;
        };
        tokio::time::sleep(FLUSH_EVERY).await;
        let mut batches: BTreeMap<(String, String), Vec<(i64, String)>> = BTreeMap::new();
        let mut add = |line: Line| {
            batches
                .entry((line.group, line.stream))
                .or_default()
                .push((line.timestamp, line.message))
        };
        add(first);
        while let Ok(line) = receiver.try_recv() {
            add(line);
        }
        for ((group, stream), events) in batches {
            if streams.insert((group.clone(), stream.clone())) {
                create_stream(&logs, &group, &stream).await;
            }
            let events: Vec<_> = events
                .into_iter()
                .filter_map(|(timestamp, message)| {
                    aws_sdk_cloudwatchlogs::types::InputLogEvent::builder()
                        .timestamp(timestamp)
                        .message(if message.is_empty() {
                            " ".to_owned()
                        } else {
                            message
                        })
                        .build()
                        .ok()
                })
                .collect();
            let put = logs
                .put_log_events()
                .log_group_name(&group)
                .log_stream_name(&stream)
                .set_log_events(Some(events))
                .send()
                .await;
            if let Err(err) = put {
                eprintln!(
                    "local: cannot write logs of {group}: {}",
                    shared::http::cause_chain(&err)
                );
            }
        }
    }
}

async fn create_stream(logs: &aws_sdk_cloudwatchlogs::Client, group: &str, stream: &str) {
    let Err(err) = logs
        .create_log_stream()
        .log_group_name(group)
        .log_stream_name(stream)
        .send()
        .await
    else {
        return;
    };
    if !err
        .as_service_error()
        .is_some_and(|e| e.is_resource_already_exists_exception())
    {
        eprintln!(
            "local: cannot create log stream {group} {stream}: {}",
            shared::http::cause_chain(&err)
        );
    }
}
