//! What a function's answer to an SQS batch means, by the success and failure conditions of
//! `ReportBatchItemFailures`.

use serde_json::Value;
use std::collections::HashSet;

/// Which records of a batch are settled.
#[derive(Debug, PartialEq, Eq)]
pub enum Settled {
    /// Every record succeeded: all are deleted.
    All,
    /// The batch failed as a whole: none is deleted.
    None,
    /// These message ids failed; the others are deleted.
    AllBut(HashSet<String>),
}

/// Reads `answer` for a batch of `batch` message ids.
///
/// A null answer, an empty answer and a null or empty `batchItemFailures` list mean success;
/// an `itemIdentifier` that is null, empty, under another key or not a message id of the batch
/// fails the whole batch, as does a `batchItemFailures` that is not a list.
pub fn settle(answer: &Value, batch: &HashSet<&str>) -> Settled {
    let failures = match answer.get("batchItemFailures") {
        None | Some(Value::Null) => return Settled::All,
        Some(Value::Array(failures)) if failures.is_empty() => return Settled::All,
        Some(Value::Array(failures)) => failures,
        Some(_) => return Settled::None,
    };
    let mut failed = HashSet::new();
    for failure in failures {
        match failure.get("itemIdentifier").and_then(Value::as_str) {
            Some(id) if !id.is_empty() && batch.contains(id) => {
                failed.insert(id.to_owned());
            }
            _ => return Settled::None,
        }
    }
    Settled::AllBut(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn batch() -> HashSet<&'static str> {
        HashSet::from(["m-1", "m-2"])
    }

    #[test]
    fn null_empty_and_missing_failure_lists_mean_the_whole_batch_succeeded() {
        for answer in [
            Value::Null,
            json!({}),
            json!({"batchItemFailures": null}),
            json!({"batchItemFailures": []}),
        ] {
            assert_eq!(settle(&answer, &batch()), Settled::All, "{answer}");
        }
    }

    #[test]
    fn a_bad_item_identifier_fails_the_whole_batch() {
        for failure in [
            json!({"itemIdentifier": null}),
            json!({"itemIdentifier": ""}),
            json!({"itemIdentifer": "m-1"}),
            json!({"itemIdentifier": "m-9"}),
            json!({"itemIdentifier": 1}),
        ] {
            let answer = json!({"batchItemFailures": [{"itemIdentifier": "m-1"}, failure]});
            assert_eq!(settle(&answer, &batch()), Settled::None, "{answer}");
        }
        assert_eq!(
            settle(&json!({"batchItemFailures": "m-1"}), &batch()),
            Settled::None
        );
    }

    #[test]
    fn reported_identifiers_fail_only_their_records() {
        let answer = json!({"batchItemFailures": [{"itemIdentifier": "m-2"}]});
        assert_eq!(
            settle(&answer, &batch()),
            Settled::AllBut(HashSet::from(["m-2".to_owned()]))
        );
    }
}
