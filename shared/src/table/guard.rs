//! What a write requires of the item it replaces or removes, as a DynamoDB condition
//! expression with its names and values.

use super::{KEY, StoreError};
use aws_sdk_dynamodb::types::AttributeValue;
use serde::Serialize;
use std::collections::HashMap;

/// What a write requires of the item it replaces or removes.
#[derive(Debug, Clone, PartialEq)]
pub enum Guard {
    /// Nothing: the write happens whatever was there.
    Always,
    /// That there is no item under the key.
    Absent,
    /// That there is an item under the key.
    Present,
    /// That the item's attribute at a dotted path (`booking.status`, `version`) has a value:
    /// a state or version guard.
    Equals(String, AttributeValue),
}

impl Guard {
    /// That the attribute at `path` (dotted for nested maps) holds `value`.
    pub fn equals(path: &str, value: &impl Serialize) -> Result<Self, StoreError> {
        Ok(Self::Equals(path.to_owned(), attribute(value)?))
    }

    /// For a value written as its `version` (0 for the first): that nothing is stored yet, or
    /// that what is stored is the version before (optimistic locking on `version`).
    pub fn version(version: u64) -> Self {
        match version {
            0 => Self::Absent,
            version => Self::Equals(
                "version".into(),
                AttributeValue::N((version - 1).to_string()),
            ),
        }
    }
}

/// `value` as a DynamoDB attribute.
pub fn attribute(value: &impl Serialize) -> Result<AttributeValue, StoreError> {
    serde_dynamo::to_attribute_value(value).map_err(StoreError::new)
}

/// A condition expression with its names and values.
pub(super) struct Condition {
    pub(super) expression: String,
    pub(super) names: HashMap<String, String>,
    pub(super) values: HashMap<String, AttributeValue>,
}

pub(super) fn condition(guard: Guard) -> Option<Condition> {
    let (expression, names, values) = match guard {
        Guard::Always => return None,
        Guard::Absent => (format!("attribute_not_exists({KEY})"), vec![], None),
        Guard::Present => (format!("attribute_exists({KEY})"), vec![], None),
        Guard::Equals(path, value) => {
            let names: Vec<(String, String)> = path
                .split('.')
                .enumerate()
                .map(|(n, segment)| (format!("#g{n}"), segment.to_owned()))
                .collect();
            let placeholder: Vec<&str> = names.iter().map(|(name, _)| name.as_str()).collect();
            (
                format!("{} = :guard", placeholder.join(".")),
                names,
                Some(value),
            )
        }
    };
    Some(Condition {
        expression,
        names: names.into_iter().collect(),
        values: values
            .map(|value| HashMap::from([(":guard".to_owned(), value)]))
            .unwrap_or_default(),
    })
}

pub(super) fn non_empty<K, V>(map: HashMap<K, V>) -> Option<HashMap<K, V>> {
    (!map.is_empty()).then_some(map)
}
