//! The operator registry in the liftoperator table (string hash key `pk` = `OPERATOR#<id>`).

use crate::domain::{Operator, OperatorId};
use crate::ports::{OperatorStore, StoreError};
use shared::table::{Guard, Table};

const PREFIX: &str = "OPERATOR#";

fn pk(id: &OperatorId) -> String {
    format!("{PREFIX}{id}")
}

/// The DynamoDB adapter; cheap to clone.
#[derive(Clone)]
pub struct DynamoStore {
    table: Table,
}

impl DynamoStore {
    pub fn new(table: Table) -> Self {
        Self { table }
    }
}

impl OperatorStore for DynamoStore {
    async fn create(&self, operator: &Operator) -> Result<bool, StoreError> {
        let pk = pk(&operator.id);
        self.table.put(&pk, operator, Guard::Absent).await
    }

    async fn replace(&self, operator: &Operator, was_active: bool) -> Result<bool, StoreError> {
        let unchanged = Guard::equals("active", &was_active)?;
        self.table.put(&pk(&operator.id), operator, unchanged).await
    }

    async fn operator(&self, id: &OperatorId) -> Result<Option<Operator>, StoreError> {
        self.table.get(&pk(id)).await
    }

    /// Every operator, in id order.
    async fn operators(&self) -> Result<Vec<Operator>, StoreError> {
        self.table.scan_prefix(PREFIX).await
    }

    async fn check(&self) -> Result<(), String> {
        self.table.check().await
    }
}
