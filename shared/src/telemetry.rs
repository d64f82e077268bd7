//! Logging: one JSON object per line with timestamp, level, service, function, request and
//! correlation ids, event name and fields.
//!
//! Handlers log with an `event` field naming what happened, for example
//! `tracing::info!(event = "user.signed_up", user_id = %id, "user signed up")`; the request span
//! opened by [`crate::http`] and [`crate::sqs`] adds `request_id` and `correlation_id`.

use json_subscriber::JsonLayer;
use tracing_subscriber::Layer;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::time::SystemTime;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;

/// Log levels used unless `RUST_LOG` says otherwise: our code at INFO, the AWS SDK quieter.
/// `RUST_LOG` takes the same form: a default level and `target=level` pairs (no regular-expression
/// field filters: `Targets` keeps the regex engine out of every function's binary).
const DEFAULT_FILTER: &str = "info,aws_config=warn,aws_smithy_runtime=warn,hyper=warn";

/// Installs the JSON logger for `service`; the function name comes from the Lambda environment.
/// Calling it twice is harmless (the first logger stays).
pub fn init(service: &str) {
    let function = std::env::var("AWS_LAMBDA_FUNCTION_NAME").unwrap_or_else(|_| service.to_owned());
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|directives| directives.parse::<Targets>().ok())
        .or_else(|| DEFAULT_FILTER.parse().ok())
        .unwrap_or_default();
    let _ = tracing_subscriber::registry()
        .with(json_layer(service, &function, std::io::stdout).with_filter(filter))
        .try_init();
}

/// The JSON layer writing to `writer`; separate from [`init`] so tests can read what it writes.
pub fn json_layer<S, W>(service: &str, function: &str, writer: W) -> JsonLayer<S, W>
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> MakeWriter<'w> + 'static,
{
    let mut layer = JsonLayer::new(writer);
    layer
        .with_timer("timestamp", SystemTime)
        .with_level("level")
        .with_target("target")
        .with_flattened_event()
        .with_top_level_flattened_span_list();
    layer.add_static_field("service", service.into());
    layer.add_static_field("function", function.into());
    layer
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl Write for Buffer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'a> MakeWriter<'a> for Buffer {
        type Writer = Buffer;
        fn make_writer(&'a self) -> Self::Writer {
            self.clone()
        }
    }

    #[test]
    fn each_event_is_one_json_line_with_service_function_ids_and_fields() {
        let buffer = Buffer::default();
        let subscriber =
            tracing_subscriber::registry().with(json_layer("auth", "auth-api", buffer.clone()));
        tracing::subscriber::with_default(subscriber, || {
            let span = tracing::info_span!("request", request_id = "r-1", correlation_id = "c-1");
            let _entered = span.enter();
            tracing::info!(event = "user.signed_up", user_id = "u-1", "user signed up");
        });
        let text = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1);
        let line: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(line["level"], "INFO");
        assert_eq!(line["service"], "auth");
        assert_eq!(line["function"], "auth-api");
        assert_eq!(line["request_id"], "r-1");
        assert_eq!(line["correlation_id"], "c-1");
        assert_eq!(line["event"], "user.signed_up");
        assert_eq!(line["user_id"], "u-1");
        assert_eq!(line["message"], "user signed up");
        assert!(line["timestamp"].as_str().unwrap().ends_with('Z'));
    }
}
