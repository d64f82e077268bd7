//! Which events to show: a minimum level, a text, JSON field values, a correlation id.

use crate::record::Record;
use logs::domain::line::Level;
use serde_json::Value;

/// Conditions an event must all meet; empty conditions pass everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub min_level: Option<Level>,
    pub text: Option<String>,
    pub fields: Vec<(String, String)>,
    pub correlation: Option<String>,
}

/// Parses `key=value` for `--field`.
pub fn field(raw: &str) -> Result<(String, String), String> {
    match raw.split_once('=') {
        Some((key, value)) if !key.trim().is_empty() => {
            Ok((key.trim().to_owned(), value.to_owned()))
        }
        _ => Err(format!("{raw:?} is not key=value")),
    }
}

fn field_is(json: Option<&Value>, key: &str, expected: &str) -> bool {
    match json.and_then(|j| j.get(key)) {
        Some(Value::String(text)) => text == expected,
        Some(other) => serde_json::from_str::<Value>(expected).is_ok_and(|parsed| parsed == *other),
        None => false,
    }
}

impl Filter {
    /// Whether `record` meets every condition.
    pub fn matches(&self, record: &Record) -> bool {
        let json = record.json.as_ref();
        self.min_level
            .is_none_or(|min| record.line.as_ref().is_some_and(|line| line.level >= min))
            && self
                .text
                .as_ref()
                .is_none_or(|text| record.message.contains(text.as_str()))
            && self
                .correlation
                .as_ref()
                .is_none_or(|id| field_is(json, "correlation_id", id))
            && self
                .fields
                .iter()
                .all(|(key, value)| field_is(json, key, value))
    }

    /// A CloudWatch Logs filter pattern (one quoted term) that narrows what the service sends;
    /// every condition is still checked here.
    pub fn server_pattern(&self) -> Option<String> {
        let term = self.correlation.as_ref().or(self.text.as_ref())?;
        (!term.is_empty() && !term.contains('"')).then(|| format!("\"{term}\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(message: &str) -> Record {
        Record::new(
            1,
            "/aws/lambda/starjack-auth-api",
            "s",
            "e",
            "auth",
            message,
        )
    }

    const ERROR: &str = r#"{"level":"ERROR","event":"request.failed","correlation_id":"corr-1","status":500,"message":"internal error"}"#;
    const INFO: &str = r#"{"level":"INFO","event":"user.signed_up","correlation_id":"corr-2","message":"user signed up"}"#;

    #[test]
    fn the_level_filter_keeps_that_level_and_worse() {
        let filter = Filter {
            min_level: Some(Level::Warn),
            ..Filter::default()
        };
        assert!(filter.matches(&record(ERROR)));
        assert!(!filter.matches(&record(INFO)));
        assert!(filter.matches(&record("Task timed out after 3.00 seconds")));
        assert!(!filter.matches(&record("START RequestId: x")));
    }

    #[test]
    fn text_fields_and_correlation_must_all_match() {
        let filter = Filter {
            text: Some("internal".into()),
            fields: vec![
                field("status=500").unwrap(),
                field("event=request.failed").unwrap(),
            ],
            correlation: Some("corr-1".into()),
            ..Filter::default()
        };
        assert!(filter.matches(&record(ERROR)));
        assert!(!filter.matches(&record(INFO)));
        let other = Filter {
            correlation: Some("corr-2".into()),
            ..Filter::default()
        };
        assert!(!other.matches(&record(ERROR)));
        assert!(other.matches(&record(INFO)));
        assert!(!other.matches(&record("corr-2 in plain text")));
    }

    #[test]
    fn a_browser_line_naming_a_server_request_stays_out_of_its_trail() {
        let batch: logs::domain::frontend::Batch = serde_json::from_value(serde_json::json!({"events": [
            {"level": "error", "message": "boom", "time": "2026-11-27T10:15:40Z", "correlation_id": "corr-1"}
        ]}))
        .unwrap();
        let browser_line = batch.validate(1_795_774_542_000).unwrap()[0].to_line();
        let trail = Filter {
            correlation: Some("corr-1".into()),
            ..Filter::default()
        };
        assert!(trail.matches(&record(ERROR)));
        assert!(!trail.matches(&record(&browser_line)));
        let browsers = Filter {
            correlation: Some("browser:corr-1".into()),
            ..Filter::default()
        };
        assert!(browsers.matches(&record(&browser_line)));
    }

    #[test]
    fn no_conditions_pass_everything() {
        assert!(Filter::default().matches(&record("anything")));
    }

    #[test]
    fn the_server_pattern_is_one_quoted_term_preferring_the_correlation_id() {
        let filter = Filter {
            text: Some("boom".into()),
            correlation: Some("corr-1".into()),
            ..Filter::default()
        };
        assert_eq!(filter.server_pattern().as_deref(), Some("\"corr-1\""));
        let text = Filter {
            text: Some("say \"hi\"".into()),
            ..Filter::default()
        };
        assert_eq!(text.server_pattern(), None);
        assert_eq!(Filter::default().server_pattern(), None);
    }

    #[test]
    fn fields_must_be_key_equals_value() {
        assert_eq!(field("a=b=c"), Ok(("a".into(), "b=c".into())));
        assert!(field("novalue").is_err());
        assert!(field("=x").is_err());
    }
}
