//! The operator registry in the liftoperator table (string hash key `pk` = `OPERATOR#<id>`).

use crate::domain::{Operator, OperatorId};
use crate::ports::{OperatorStore, StoreError};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::AttributeValue;
use std::collections::HashMap;

const PREFIX: &str = "OPERATOR#";

/// The DynamoDB adapter; cheap to clone.
#[derive(Clone)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

fn unavailable(err: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Unavailable(Box::new(err))
}

fn key(id: &OperatorId) -> AttributeValue {
    AttributeValue::S(format!("{PREFIX}{id}"))
}

impl DynamoStore {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }

    async fn put(
        &self,
        operator: &Operator,
        condition: &str,
        failed: StoreError,
    ) -> Result<(), StoreError> {
        let mut item: HashMap<String, AttributeValue> =
            serde_dynamo::to_item(operator).map_err(unavailable)?;
        item.insert("pk".into(), key(&operator.id));
        let put = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression(condition)
            .send()
            .await;
        match put {
            Ok(_) => Ok(()),
            Err(err)
                if err
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
            {
                Err(failed)
            }
            Err(err) => Err(unavailable(err)),
        }
    }
}

impl OperatorStore for DynamoStore {
    async fn create(&self, operator: &Operator) -> Result<(), StoreError> {
        self.put(operator, "attribute_not_exists(pk)", StoreError::Exists)
            .await
    }

    async fn replace(&self, operator: &Operator) -> Result<(), StoreError> {
        self.put(operator, "attribute_exists(pk)", StoreError::Missing)
            .await
    }

    async fn operator(&self, id: &OperatorId) -> Result<Option<Operator>, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("pk", key(id))
            .consistent_read(true)
            .send()
            .await
            .map_err(unavailable)?;
        output
            .item
            .map(|item| serde_dynamo::from_item(item).map_err(unavailable))
            .transpose()
    }

    async fn operators(&self) -> Result<Vec<Operator>, StoreError> {
        let mut operators = Vec::new();
        let mut start = None;
        loop {
            let page = self
                .client
                .scan()
                .table_name(&self.table)
                .filter_expression("begins_with(pk, :prefix)")
                .expression_attribute_values(":prefix", AttributeValue::S(PREFIX.into()))
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(unavailable)?;
            for item in page.items.unwrap_or_default() {
                operators.push(serde_dynamo::from_item(item).map_err(unavailable)?);
            }
            match page.last_evaluated_key {
                Some(next) => start = Some(next),
                None => break,
            }
        }
        operators.sort_by(|a: &Operator, b| a.id.as_str().cmp(b.id.as_str()));
        Ok(operators)
    }

    async fn check(&self) -> Result<(), String> {
        shared::status::dynamodb_table(&self.client, &self.table).await
    }
}
