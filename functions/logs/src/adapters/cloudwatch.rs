//! The front-end log group on CloudWatch Logs: one stream per function container, created on
//! first use, written with `PutLogEvents`.

use crate::domain::frontend::FrontendEvent;
use crate::ports::{LogSink, SinkError};
use aws_sdk_cloudwatchlogs::Client;
use aws_sdk_cloudwatchlogs::types::InputLogEvent;
use tokio::sync::OnceCell;

/// Writes front-end events into one log group.
pub struct CloudWatchSink {
    client: Client,
    group: String,
    stream: String,
    created: OnceCell<()>,
}

fn failed(err: impl std::error::Error + 'static) -> SinkError {
    SinkError(shared::http::cause_chain(&err))
}

impl CloudWatchSink {
    /// A sink into `group`, through a stream of its own named after this container.
    pub fn new(client: Client, group: impl Into<String>) -> Self {
        let day = time::OffsetDateTime::now_utc().date();
        Self {
            client,
            group: group.into(),
            stream: format!("browser/{day}/{}", uuid::Uuid::new_v4().simple()),
            created: OnceCell::new(),
        }
    }

    /// The stream this container writes to.
    pub fn stream(&self) -> &str {
        &self.stream
    }

    async fn ensure_stream(&self) -> Result<(), SinkError> {
        self.created
            .get_or_try_init(|| async {
                match self
                    .client
                    .create_log_stream()
                    .log_group_name(&self.group)
                    .log_stream_name(&self.stream)
                    .send()
                    .await
                {
                    Ok(_) => Ok(()),
                    Err(err)
                        if err
                            .as_service_error()
                            .is_some_and(|e| e.is_resource_already_exists_exception()) =>
                    {
                        Ok(())
                    }
                    Err(err) => Err(failed(err)),
                }
            })
            .await
            .map(|_| ())
    }
}

impl LogSink for CloudWatchSink {
    async fn put(&self, events: &[FrontendEvent]) -> Result<(), SinkError> {
        self.ensure_stream().await?;
        let mut sorted: Vec<&FrontendEvent> = events.iter().collect();
        sorted.sort_by_key(|event| (event.time_ms, event.client_time_ms));
        let records = sorted
            .into_iter()
            .map(|event| {
                InputLogEvent::builder()
                    .timestamp(event.time_ms)
                    .message(event.to_line())
                    .build()
                    .map_err(failed)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let answer = self
            .client
            .put_log_events()
            .log_group_name(&self.group)
            .log_stream_name(&self.stream)
            .set_log_events(Some(records))
            .send()
            .await
            .map_err(failed)?;
        if let Some(rejected) = answer.rejected_log_events_info {
            tracing::warn!(event = "frontend.events_rejected", details = ?rejected);
        }
        Ok(())
    }

    async fn check(&self) -> Result<(), String> {
        let found = self
            .client
            .describe_log_groups()
            .log_group_name_prefix(&self.group)
            .send()
            .await
            .map_err(|err| shared::http::cause_chain(&err))?;
        let exists = found
            .log_groups()
            .iter()
            .any(|group| group.log_group_name() == Some(self.group.as_str()));
        if exists {
            Ok(())
        } else {
            Err(format!("log group {} does not exist", self.group))
        }
    }
}
