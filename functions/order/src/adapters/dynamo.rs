//! Orders in the order table (string hash key `pk`): `ORDER#<id>` (indexed by `user_id` and
//! `created_at` in `by-user`), `SLOT#<keycard>#<operator>#<day>` (the order holding that
//! day's ticket of that operator on that keycard) and `INVOICE#<year>` (the year's last
//! invoice number, advanced in one transaction with the order it numbers).

use crate::domain::{InvoiceNumber, Order, OrderId, OrderItem};
use crate::ports::{OrderStore, StoreError};
use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};
use serde::{Deserialize, Serialize};
use shared::table::{Guard, IndexQuery, KEY, Table};

fn pk(id: &OrderId) -> String {
    format!("ORDER#{id}")
}

fn slot(item: &OrderItem) -> String {
    format!(
        "SLOT#{}#{}#{}",
        item.keycard_id, item.operator_id, item.date
    )
}

#[derive(Serialize, Deserialize)]
struct Slot {
    order_id: String,
}

#[derive(Serialize, Deserialize)]
struct Counter {
    n: u64,
}

fn n(value: u64) -> AttributeValue {
    AttributeValue::N(value.to_string())
}

impl OrderStore for Table {
    async fn order(&self, id: &OrderId) -> Result<Option<Order>, StoreError> {
        self.get(&pk(id)).await
    }

    async fn save(&self, order: &Order) -> Result<bool, StoreError> {
        self.put(&pk(&order.order_id), order, Guard::version(order.version))
            .await
    }

    async fn orders_of(&self, user_id: &str) -> Result<Vec<Order>, StoreError> {
        let user = AttributeValue::S(user_id.to_owned());
        self.query(IndexQuery::new("by-user", "user_id", user).descending())
            .await
    }

    async fn take_slots(&self, order: &Order) -> Result<Option<usize>, StoreError> {
        let ours = Slot {
            order_id: order.order_id.to_string(),
        };
        for (index, item) in order.items.iter().enumerate() {
            let earlier: Option<Slot> = Table::create(self, &slot(item), &ours).await?;
            if earlier.is_some_and(|held| held.order_id != ours.order_id) {
                let taken: Vec<usize> = (0..index).collect();
                self.free_slots(order, &taken).await?;
                return Ok(Some(index));
            }
        }
        Ok(None)
    }

    async fn free_slots(&self, order: &Order, items: &[usize]) -> Result<(), StoreError> {
        let ours = Guard::equals("order_id", &order.order_id)?;
        for item in items.iter().filter_map(|index| order.items.get(*index)) {
            self.delete(&slot(item), ours.clone()).await?;
        }
        Ok(())
    }

    async fn number(&self, order: &Order, year: i32) -> Result<Option<InvoiceNumber>, StoreError> {
        let counter_pk = format!("INVOICE#{year}");
        let last: Option<Counter> = self.get(&counter_pk).await?;
        let number = InvoiceNumber {
            year,
            n: last.as_ref().map_or(1, |counter| counter.n + 1),
        };
        let advance = Update::builder()
            .table_name(self.name())
            .key(KEY, AttributeValue::S(counter_pk))
            .update_expression("SET n = :next")
            .expression_attribute_values(":next", n(number.n));
        let advance = match last {
            Some(counter) => advance
                .condition_expression("n = :last")
                .expression_attribute_values(":last", n(counter.n)),
            None => advance.condition_expression(format!("attribute_not_exists({KEY})")),
        };
        let record = Update::builder()
            .table_name(self.name())
            .key(KEY, AttributeValue::S(pk(&order.order_id)))
            .update_expression("SET invoice_number = :number, version = :next")
            .condition_expression("version = :version AND attribute_not_exists(invoice_number)")
            .expression_attribute_values(":number", AttributeValue::S(number.to_string()))
            .expression_attribute_values(":next", n(order.version + 1))
            .expression_attribute_values(":version", n(order.version));
        let items = vec![
            TransactWriteItem::builder()
                .update(advance.build().map_err(StoreError::new)?)
                .build(),
            TransactWriteItem::builder()
                .update(record.build().map_err(StoreError::new)?)
                .build(),
        ];
        Ok(self.transact(items).await?.then_some(number))
    }

    async fn check(&self) -> Result<(), String> {
        Table::check(self).await
    }
}
