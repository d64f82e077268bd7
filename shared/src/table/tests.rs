use super::*;
use crate::testing::dynamo;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Booking {
    booking: Inner,
    version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Inner {
    status: String,
}

fn booking(status: &str, version: u32) -> Booking {
    Booking {
        booking: Inner {
            status: status.to_owned(),
        },
        version,
    }
}

async fn table() -> Table {
    let (client, name) = dynamo::table_with_hash_key(KEY).await;
    Table::new(client, name)
}

#[tokio::test]
async fn a_value_put_is_read_back_and_a_missing_key_reads_as_none() {
    let table = table().await;
    assert!(
        table
            .put("B#1", &booking("pending", 1), Guard::Always)
            .await
            .unwrap()
    );
    assert_eq!(table.get("B#1").await.unwrap(), Some(booking("pending", 1)));
    assert_eq!(table.get::<Booking>("B#2").await.unwrap(), None);
}

#[tokio::test]
async fn create_stores_once_and_answers_the_earlier_value_after() {
    let table = table().await;
    assert_eq!(
        table.create("B#1", &booking("pending", 1)).await.unwrap(),
        None
    );
    let again = table.create("B#1", &booking("booked", 9)).await.unwrap();
    assert_eq!(again, Some(booking("pending", 1)));
    assert_eq!(table.get("B#1").await.unwrap(), Some(booking("pending", 1)));
}

#[tokio::test]
async fn a_state_guard_on_a_nested_field_refuses_a_write_over_another_state() {
    let table = table().await;
    table
        .put("B#1", &booking("cancelled", 1), Guard::Always)
        .await
        .unwrap();
    let pending = Guard::equals("booking.status", &"pending").unwrap();
    let held = table
        .put("B#1", &booking("booked", 2), pending)
        .await
        .unwrap();
    assert!(
        !held,
        "a cancelled booking must not be overwritten by a stale outcome"
    );
    assert_eq!(
        table.get("B#1").await.unwrap(),
        Some(booking("cancelled", 1))
    );
}

#[tokio::test]
async fn a_version_guard_lets_exactly_one_of_two_writers_of_one_version_through() {
    let table = table().await;
    table
        .put("F#1", &booking("draft", 1), Guard::Always)
        .await
        .unwrap();
    let next = [("version", attribute(&2).unwrap())];
    let first = table.update("F#1", &next, Guard::equals("version", &1).unwrap());
    let second = table.update("F#1", &next, Guard::equals("version", &1).unwrap());
    let (first, second) = tokio::join!(first, second);
    assert_eq!(
        [first.unwrap(), second.unwrap()]
            .iter()
            .filter(|held| **held)
            .count(),
        1
    );
    assert_eq!(
        table.get::<Booking>("F#1").await.unwrap().unwrap().version,
        2
    );
}

#[tokio::test]
async fn present_and_absent_guards_decide_replace_and_delete() {
    let table = table().await;
    assert!(
        !table
            .put("O#1", &booking("a", 1), Guard::Present)
            .await
            .unwrap()
    );
    assert_eq!(table.get::<Booking>("O#1").await.unwrap(), None);
    table
        .put("O#1", &booking("a", 1), Guard::Absent)
        .await
        .unwrap();
    assert!(
        table
            .put("O#1", &booking("b", 2), Guard::Present)
            .await
            .unwrap()
    );
    let wrong_state = Guard::equals("booking.status", &"a").unwrap();
    assert!(!table.delete("O#1", wrong_state).await.unwrap());
    assert!(table.delete("O#1", Guard::Always).await.unwrap());
    assert_eq!(table.get::<Booking>("O#1").await.unwrap(), None);
}

#[tokio::test]
async fn scan_prefix_reads_one_kind_of_item_in_key_order() {
    let table = table().await;
    for n in (0..30).rev() {
        table
            .put(&format!("OP#{n:02}"), &booking("a", n), Guard::Always)
            .await
            .unwrap();
    }
    table
        .put("OTHER#1", &booking("x", 99), Guard::Always)
        .await
        .unwrap();
    let found: Vec<Booking> = table.scan_prefix("OP#").await.unwrap();
    let versions: Vec<u32> = found.iter().map(|b| b.version).collect();
    assert_eq!(versions, (0..30).collect::<Vec<_>>());
}

#[tokio::test]
async fn a_failed_call_keeps_its_cause_in_the_error_chain() {
    let (client, _) = dynamo::table_with_hash_key(KEY).await;
    let missing = Table::new(client, "no-such-table");
    let err = missing.get::<Booking>("B#1").await.unwrap_err();
    let chain = crate::http::cause_chain(&err);
    assert!(chain.starts_with("storage failed: "), "{chain}");
    assert!(chain.len() > "storage failed: ".len() + 10, "{chain}");
    assert!(missing.check().await.is_err());
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Card {
    owner: String,
    created_at: String,
}

async fn table_with_owner_index() -> Table {
    let properties: serde_yaml_ng::Value = serde_yaml_ng::from_str(
        "{AttributeDefinitions: [{AttributeName: pk, AttributeType: S},
            {AttributeName: owner, AttributeType: S}, {AttributeName: created_at, AttributeType: S}],
          KeySchema: [{AttributeName: pk, KeyType: HASH}],
          GlobalSecondaryIndexes: [{IndexName: by-owner,
            KeySchema: [{AttributeName: owner, KeyType: HASH}, {AttributeName: created_at, KeyType: RANGE}]}]}",
    )
    .unwrap();
    let client = dynamo::client().await;
    let name = format!("test-{}", uuid::Uuid::new_v4().simple());
    dynamo::create_table(&client, &name, &properties)
        .await
        .unwrap();
    Table::new(client, name)
}

fn card(owner: &str, created_at: &str) -> Card {
    Card {
        owner: owner.to_owned(),
        created_at: created_at.to_owned(),
    }
}

#[tokio::test]
async fn an_index_query_finds_one_owners_items_newest_first_below_a_bound_and_up_to_a_limit() {
    let table = table_with_owner_index().await;
    for (pk, value) in [
        ("C#1", card("anna", "2026-01-01")),
        ("C#2", card("ben", "2026-01-02")),
        ("C#3", card("anna", "2026-01-03")),
        ("C#4", card("anna", "2026-01-04")),
    ] {
        table.put(pk, &value, Guard::Always).await.unwrap();
    }
    let anna = AttributeValue::S("anna".into());
    let all: Vec<Card> = table
        .query(IndexQuery::new("by-owner", "owner", anna.clone()).descending())
        .await
        .unwrap();
    let days: Vec<&str> = all.iter().map(|c| c.created_at.as_str()).collect();
    assert_eq!(days, vec!["2026-01-04", "2026-01-03", "2026-01-01"]);
    let older: Vec<Card> = table
        .query(
            IndexQuery::new("by-owner", "owner", anna)
                .below("created_at", AttributeValue::S("2026-01-04".into()))
                .limit(1),
        )
        .await
        .unwrap();
    assert_eq!(older, vec![card("anna", "2026-01-01")]);
}
