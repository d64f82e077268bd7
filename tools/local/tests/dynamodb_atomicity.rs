//! Conformance: DynamoDB's conditional writes are atomic, in the moto server our scripts start
//! (scripts/lib/moto_server.py), as on AWS.
//!
//! Source: Amazon DynamoDB Developer Guide, "Working with items and attributes", section
//! "Condition expressions" (a conditional write succeeds only if the condition holds when the
//! write is applied) and "Amazon DynamoDB Transactions" (TransactWriteItems is all-or-nothing and
//! isolated from other writes). Refresh-token rotation, claims and bookings rest on it.

#![allow(clippy::unwrap_used)] // Test helpers may panic on setup failures.

use aws_sdk_dynamodb::types::AttributeValue;

/// Eight writers race to create one item, twenty times over: each time exactly one wins.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_concurrent_conditional_puts_of_one_key_exactly_one_succeeds() {
    let (client, table) = shared::testing::dynamo::table_with_hash_key("pk").await;
    for round in 0..20 {
        let writers = (0..8).map(|writer| {
            let (client, table) = (client.clone(), table.clone());
            tokio::spawn(async move {
                client
                    .put_item()
                    .table_name(table)
                    .item("pk", AttributeValue::S(format!("race-{round}")))
                    .item("writer", AttributeValue::N(writer.to_string()))
                    .condition_expression("attribute_not_exists(pk)")
                    .send()
                    .await
                    .is_ok()
            })
        });
        let mut winners = 0;
        for writer in writers.collect::<Vec<_>>() {
            winners += usize::from(writer.await.unwrap());
        }
        assert_eq!(
            winners, 1,
            "round {round}: {winners} conditional puts succeeded"
        );
    }
}
