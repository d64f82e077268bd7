//! One log event found in a group, and the merge of many groups' events into time order.

use logs::domain::line::LogLine;
use serde_json::Value;

/// A log event with where it was found and what its line says.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub timestamp_ms: i64,
    pub group: String,
    pub stream: String,
    pub event_id: String,
    /// The service the group belongs to.
    pub service: String,
    pub message: String,
    /// The message as JSON, for our own lines.
    pub json: Option<Value>,
    /// What alerting would read from it.
    pub line: Option<LogLine>,
}

impl Record {
    pub fn new(
        timestamp_ms: i64,
        group: &str,
        stream: &str,
        event_id: &str,
        service: &str,
        message: &str,
    ) -> Self {
        let trimmed = message.trim_end();
        let json = trimmed
            .starts_with('{')
            .then(|| serde_json::from_str::<Value>(trimmed).ok())
            .flatten()
            .filter(Value::is_object);
        Self {
            timestamp_ms,
            group: group.to_owned(),
            stream: stream.to_owned(),
            event_id: event_id.to_owned(),
            service: service.to_owned(),
            message: trimmed.to_owned(),
            json,
            line: LogLine::parse(trimmed),
        }
    }
}

/// Merges each group's events (in any order) into one list by time; events of the same
/// millisecond keep the order of their groups as given, then their own order.
pub fn merge(groups: Vec<Vec<Record>>) -> Vec<Record> {
    let mut all: Vec<(usize, usize, Record)> = groups
        .into_iter()
        .enumerate()
        .flat_map(|(g, records)| records.into_iter().enumerate().map(move |(i, r)| (g, i, r)))
        .collect();
    all.sort_by_key(|(g, i, r)| (r.timestamp_ms, *g, *i));
    all.into_iter().map(|(_, _, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(ms: i64, group: &str, id: &str) -> Record {
        Record::new(ms, group, "s", id, "auth", "plain")
    }

    #[test]
    fn events_of_all_groups_come_out_in_time_order() {
        let merged = merge(vec![
            vec![
                record(1, "a", "a1"),
                record(5, "a", "a5"),
                record(9, "a", "a9"),
            ],
            vec![record(2, "b", "b2"), record(3, "b", "b3")],
            vec![],
            vec![record(4, "c", "c4"), record(10, "c", "c10")],
        ]);
        let ids: Vec<&str> = merged.iter().map(|r| r.event_id.as_str()).collect();
        assert_eq!(ids, ["a1", "b2", "b3", "c4", "a5", "a9", "c10"]);
    }

    #[test]
    fn ties_keep_group_order_then_arrival_order() {
        let merged = merge(vec![
            vec![record(7, "a", "a-first"), record(7, "a", "a-second")],
            vec![record(7, "b", "b-only"), record(6, "b", "b-earlier")],
        ]);
        let ids: Vec<&str> = merged.iter().map(|r| r.event_id.as_str()).collect();
        assert_eq!(ids, ["b-earlier", "a-first", "a-second", "b-only"]);
    }

    #[test]
    fn our_json_lines_are_parsed_and_plain_lines_kept_as_text() {
        let json = Record::new(
            1,
            "g",
            "s",
            "e",
            "auth",
            "{\"level\":\"ERROR\",\"message\":\"x\"}\n",
        );
        assert_eq!(json.json.as_ref().unwrap()["level"], "ERROR");
        assert!(json.line.is_some());
        let plain = Record::new(1, "g", "s", "e", "auth", "START RequestId: x");
        assert_eq!((plain.json, plain.line), (None, None));
    }
}
