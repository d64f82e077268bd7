//! The operator registry is the liftoperator table (string hash key `pk` = `OPERATOR#<id>`).

use crate::domain::{Operator, OperatorId};
use crate::ports::{OperatorStore, StoreError};
use shared::table::{Guard, Table};

const PREFIX: &str = "OPERATOR#";

fn pk(id: &OperatorId) -> String {
    format!("{PREFIX}{id}")
}

impl OperatorStore for Table {
    async fn create(&self, operator: &Operator) -> Result<bool, StoreError> {
        let pk = pk(&operator.id);
        self.put(&pk, operator, Guard::Absent).await
    }

    async fn replace(&self, operator: &Operator, was_active: bool) -> Result<bool, StoreError> {
        let unchanged = Guard::equals("active", &was_active)?;
        self.put(&pk(&operator.id), operator, unchanged).await
    }

    async fn operator(&self, id: &OperatorId) -> Result<Option<Operator>, StoreError> {
        self.get(&pk(id)).await
    }

    /// Every operator, in id order.
    async fn operators(&self) -> Result<Vec<Operator>, StoreError> {
        self.scan_prefix(PREFIX).await
    }

    async fn check(&self) -> Result<(), String> {
        Table::check(self).await
    }
}
