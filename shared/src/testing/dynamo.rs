//! Tables for integration tests: each test gets its own table on moto's server, with the key
//! schema and indexes the template declares, so tests and deployment cannot drift apart.

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection,
    ProjectionType, ScalarAttributeType,
};
use serde_yaml_ng::Value;

/// A client for the local moto server that `scripts/test` starts (`AWS_ENDPOINT_URL`).
pub async fn client() -> Client {
    assert!(
        std::env::var("AWS_ENDPOINT_URL").is_ok(),
        "AWS_ENDPOINT_URL is not set: run the tests through scripts/test, which starts moto's server"
    );
    crate::aws::dynamodb(&crate::aws::load().await)
}

/// Creates a fresh, uniquely named table shaped like the template's resource `logical_id`,
/// and returns a client and its name.
pub async fn table_from_template(logical_id: &str) -> (Client, String) {
    let properties = template_table(logical_id);
    let client = client().await;
    let name = format!("{logical_id}-{}", uuid::Uuid::new_v4().simple());
    create_table(&client, &name, &properties)
        .await
        .expect("creating the test table on moto");
    (client, name)
}

/// Creates table `name` with the key schema and indexes of a template's table `properties`
/// (on-demand billing); used by the tests and by the local cloud.
pub async fn create_table(
    client: &Client,
    name: &str,
    properties: &Value,
) -> Result<(), aws_sdk_dynamodb::Error> {
    let mut request = client
        .create_table()
        .table_name(name)
        .billing_mode(BillingMode::PayPerRequest)
        .set_attribute_definitions(Some(attributes(&properties["AttributeDefinitions"])))
        .set_key_schema(Some(key_schema(&properties["KeySchema"])));
    for index in properties["GlobalSecondaryIndexes"]
        .as_sequence()
        .into_iter()
        .flatten()
    {
        let gsi = GlobalSecondaryIndex::builder()
            .index_name(text(&index["IndexName"]))
            .set_key_schema(Some(key_schema(&index["KeySchema"])))
            .projection(
                Projection::builder()
                    .projection_type(ProjectionType::All)
                    .build(),
            )
            .build()
            .expect("index definition");
        request = request.global_secondary_indexes(gsi);
    }
    request.send().await?;
    Ok(())
}

/// Creates a fresh table keyed by the string attribute `hash_key` alone, for plumbing whose
/// table each service declares itself (such as the idempotency store).
pub async fn table_with_hash_key(hash_key: &str) -> (Client, String) {
    let client = client().await;
    let name = format!("test-{}", uuid::Uuid::new_v4().simple());
    client
        .create_table()
        .table_name(&name)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name(hash_key)
                .attribute_type(ScalarAttributeType::S)
                .build()
                .expect("attribute definition"),
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name(hash_key)
                .key_type(KeyType::Hash)
                .build()
                .expect("key schema element"),
        )
        .send()
        .await
        .expect("creating the test table on moto");
    (client, name)
}

fn template_table(logical_id: &str) -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../template.yaml");
    let source = std::fs::read_to_string(path).expect("reading template.yaml");
    let template: Value = serde_yaml_ng::from_str(&source).expect("template.yaml is YAML");
    let resource = &template["Resources"][logical_id];
    assert_eq!(
        text(&resource["Type"]),
        "AWS::DynamoDB::Table",
        "{logical_id} is not a table"
    );
    resource["Properties"].clone()
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

fn attributes(value: &Value) -> Vec<AttributeDefinition> {
    let items = value.as_sequence().cloned().unwrap_or_default();
    items
        .iter()
        .map(|item| {
            AttributeDefinition::builder()
                .attribute_name(text(&item["AttributeName"]))
                .attribute_type(ScalarAttributeType::from(
                    text(&item["AttributeType"]).as_str(),
                ))
                .build()
                .expect("attribute definition")
        })
        .collect()
}

fn key_schema(value: &Value) -> Vec<KeySchemaElement> {
    let items = value.as_sequence().cloned().unwrap_or_default();
    items
        .iter()
        .map(|item| {
            KeySchemaElement::builder()
                .attribute_name(text(&item["AttributeName"]))
                .key_type(KeyType::from(text(&item["KeyType"]).as_str()))
                .build()
                .expect("key schema element")
        })
        .collect()
}
