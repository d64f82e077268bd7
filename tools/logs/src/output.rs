//! Printing events: one readable line each, coloured on a terminal, or one JSON object each.

use crate::record::Record;
use crate::when;
use logs::domain::line::Level;
use serde_json::{Value, json};

const RESET: &str = "\x1b[0m";
const DIM: &str = "\x1b[2m";
const CYAN: &str = "\x1b[36m";

fn level_colour(level: Level) -> &'static str {
    match level {
        Level::Error => "\x1b[1;31m",
        Level::Warn => "\x1b[33m",
        Level::Info => "\x1b[32m",
        Level::Debug | Level::Trace => "\x1b[34m",
    }
}

/// How events are printed.
#[derive(Debug, Clone, Copy)]
pub struct Printer {
    pub json: bool,
    pub colour: bool,
}

impl Printer {
    fn paint(&self, colour: &str, text: &str) -> String {
        if self.colour {
            format!("{colour}{text}{RESET}")
        } else {
            text.to_owned()
        }
    }

    /// The text printed for `record`, without a newline.
    pub fn render(&self, record: &Record) -> String {
        if self.json {
            return self.render_json(record);
        }
        let time = self.paint(DIM, &when::format(record.timestamp_ms));
        let level = match &record.line {
            Some(line) => self.paint(
                level_colour(line.level),
                &format!("{:<5}", line.level.as_str()),
            ),
            None => "     ".to_owned(),
        };
        let service = self.paint(CYAN, &format!("{:<12}", record.service));
        let body = match &record.json {
            Some(json) => describe(json),
            None => record.message.replace('\n', " ⏎ "),
        };
        format!("{time} {level} {service} {body}")
    }

    fn render_json(&self, record: &Record) -> String {
        json!({
            "time": when::format(record.timestamp_ms),
            "timestamp": record.timestamp_ms,
            "service": record.service,
            "group": record.group,
            "stream": record.stream,
            "event_id": record.event_id,
            "message": record.json.clone().unwrap_or_else(|| Value::String(record.message.clone())),
        })
        .to_string()
    }
}

/// `event message key=value …` for one of our JSON lines, leaving out what the line's prefix
/// shows already and the span fields that only repeat it.
fn describe(json: &Value) -> String {
    const SHOWN: [&str; 9] = [
        "timestamp",
        "level",
        "service",
        "function",
        "target",
        "event",
        "message",
        "requestId",
        "request_id",
    ];
    let text = |key: &str| {
        json.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let mut parts = vec![text("event"), text("message")];
    if let Some(object) = json.as_object() {
        for (key, value) in object.iter().filter(|(k, _)| !SHOWN.contains(&k.as_str())) {
            let value = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned);
            parts.push(format!("{key}={value}"));
        }
    }
    parts.retain(|part| !part.is_empty());
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(message: &str) -> Record {
        Record::new(
            1_795_774_542_123,
            "/aws/lambda/starjack-auth-api",
            "s",
            "e-1",
            "auth",
            message,
        )
    }

    const LINE: &str = r#"{"timestamp":"t","level":"ERROR","service":"auth","event":"request.failed","message":"internal error","correlation_id":"corr-1","request_id":"r"}"#;

    #[test]
    fn a_json_line_reads_as_time_level_service_event_message_and_fields() {
        let printer = Printer {
            json: false,
            colour: false,
        };
        assert_eq!(
            printer.render(&record(LINE)),
            "2026-11-27T10:15:42.123Z ERROR auth         request.failed internal error correlation_id=corr-1"
        );
    }

    #[test]
    fn a_plain_line_is_shown_as_it_is_on_one_line() {
        let printer = Printer {
            json: false,
            colour: false,
        };
        assert_eq!(
            printer.render(&record("START RequestId: x\nmore")),
            "2026-11-27T10:15:42.123Z       auth         START RequestId: x ⏎ more"
        );
    }

    #[test]
    fn colour_marks_the_level_only_when_asked() {
        let coloured = Printer {
            json: false,
            colour: true,
        }
        .render(&record(LINE));
        assert!(coloured.contains("\x1b[1;31mERROR\x1b[0m"));
        assert!(
            !Printer {
                json: false,
                colour: false
            }
            .render(&record(LINE))
            .contains('\x1b')
        );
    }

    #[test]
    fn json_output_keeps_the_line_as_json_with_its_origin() {
        let out: Value = serde_json::from_str(
            &Printer {
                json: true,
                colour: true,
            }
            .render(&record(LINE)),
        )
        .unwrap();
        assert_eq!(out["message"]["correlation_id"], "corr-1");
        assert_eq!(out["group"], "/aws/lambda/starjack-auth-api");
        assert_eq!(out["time"], "2026-11-27T10:15:42.123Z");
        let plain: Value = serde_json::from_str(
            &Printer {
                json: true,
                colour: false,
            }
            .render(&record("hello")),
        )
        .unwrap();
        assert_eq!(plain["message"], "hello");
    }
}
