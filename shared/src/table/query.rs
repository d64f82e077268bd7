//! Queries on a global secondary index: the items under one index hash key, in range-key
//! order, optionally only those whose range key lies below a bound.

use super::{StoreError, Table};
use aws_sdk_dynamodb::types::AttributeValue;
use serde::de::DeserializeOwned;

/// A query on index `index` for the items whose attribute `hash` holds `value`.
#[derive(Debug, Clone)]
pub struct IndexQuery {
    index: String,
    hash: (String, AttributeValue),
    below: Option<(String, AttributeValue)>,
    descending: bool,
    limit: Option<usize>,
}

impl IndexQuery {
    /// The items of `index` whose hash key attribute `hash` is `value`, ascending.
    pub fn new(index: &str, hash: &str, value: AttributeValue) -> Self {
        Self {
            index: index.to_owned(),
            hash: (hash.to_owned(), value),
            below: None,
            descending: false,
            limit: None,
        }
    }

    /// Only the items whose range key attribute `range` is less than `bound`.
    pub fn below(mut self, range: &str, bound: AttributeValue) -> Self {
        self.below = Some((range.to_owned(), bound));
        self
    }

    /// Highest range key first (newest first for timestamps).
    pub fn descending(mut self) -> Self {
        self.descending = true;
        self
    }

    /// At most `limit` items.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }
}

impl Table {
    /// The values `query` finds, in its order, reading every page (or up to its limit).
    pub async fn query<T: DeserializeOwned>(
        &self,
        query: IndexQuery,
    ) -> Result<Vec<T>, StoreError> {
        let mut expression = "#h = :h".to_owned();
        let mut request = self
            .client
            .query()
            .table_name(&self.name)
            .index_name(&query.index)
            .expression_attribute_names("#h", &query.hash.0)
            .expression_attribute_values(":h", query.hash.1.clone())
            .scan_index_forward(!query.descending);
        if let Some((range, bound)) = &query.below {
            expression.push_str(" AND #r < :r");
            request = request
                .expression_attribute_names("#r", range)
                .expression_attribute_values(":r", bound.clone());
        }
        let request = request.key_condition_expression(expression);
        let mut found = Vec::new();
        let mut start = None;
        loop {
            let page = request
                .clone()
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(StoreError::new)?;
            for item in page.items.unwrap_or_default() {
                found.push(serde_dynamo::from_item(item).map_err(StoreError::new)?);
                if query.limit.is_some_and(|limit| found.len() >= limit) {
                    return Ok(found);
                }
            }
            match page.last_evaluated_key {
                Some(next) => start = Some(next),
                None => return Ok(found),
            }
        }
    }
}
