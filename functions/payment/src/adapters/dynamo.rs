//! Payments in the payment table (string hash key `pk` = `PAYMENT#<order id>`): the table is
//! the payment store, every write guarded by the version it was read at.

use crate::domain::{OrderId, Payment};
use crate::ports::{PaymentStore, StoreError};
use shared::table::{Guard, Table};

fn pk(order_id: &OrderId) -> String {
    format!("PAYMENT#{order_id}")
}

impl PaymentStore for Table {
    async fn payment(&self, order_id: &OrderId) -> Result<Option<Payment>, StoreError> {
        self.get(&pk(order_id)).await
    }

    async fn save(&self, payment: &Payment) -> Result<bool, StoreError> {
        self.put(
            &pk(&payment.order_id),
            payment,
            Guard::version(payment.version),
        )
        .await
    }

    async fn check(&self) -> Result<(), String> {
        Table::check(self).await
    }
}
