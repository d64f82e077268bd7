//! Ordering keycards over HTTP: at the supplier with our id, the per-customer limit, bad input,
//! the caller's own list, and no access to anyone else's keycard.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Keycards, order, summary};
use serde_json::json;
use shared::testing::function::{customer, service};
use shared::testing::stubs::requests;
use shared::token::API_AUDIENCE;
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, ResponseTemplate};

#[tokio::test]
async fn a_keycard_is_ordered_at_the_supplier_with_its_id_as_external_id_and_the_customer_is_told()
{
    let keycards = Keycards::start().await;
    keycards.supplier_accepts_orders().await;
    let created = keycards
        .call("create", Some(&order()), Some(&customer("user-1")))
        .await;
    created.assert_status(201);
    assert_eq!(created.body["status"], "ordered");
    assert_eq!(created.body["holder_name"], "Anna Muster");
    assert!(created.body.get("chip").is_none());
    let id = created.body["keycard_id"].as_str().unwrap();
    let orders = requests(&keycards.supplier).await;
    assert_eq!(orders.len(), 1);
    let sent: serde_json::Value = serde_json::from_slice(&orders[0].body).unwrap();
    assert_eq!(sent["externalId"], id);
    assert_eq!(sent["shippingAddress"]["postalCode"], "6020");
    assert_eq!(orders[0].headers["authorization"], "Bearer supplier-key");
    assert_eq!(
        summary(&keycards.mails().await),
        vec![("keycard-ordered".to_owned(), "anna@example.com".to_owned())]
    );
}

#[tokio::test]
async fn a_sixth_keycard_not_yet_produced_is_refused_with_409() {
    let keycards = Keycards::start().await;
    keycards.supplier_accepts_orders().await;
    let token = customer("user-1");
    for _ in 0..5 {
        let created = keycards.call("create", Some(&order()), Some(&token)).await;
        created.assert_status(201);
    }
    let sixth = keycards.call("create", Some(&order()), Some(&token)).await;
    sixth.assert_status(409);
    assert_eq!(sixth.body["error"]["code"], "too_many_open_keycards");
    let other = keycards
        .call("create", Some(&order()), Some(&customer("user-2")))
        .await;
    assert_eq!(other.status, 201, "another customer has their own five");
}

#[tokio::test]
async fn bad_input_is_a_400_naming_the_field_and_orders_nothing() {
    let keycards = Keycards::start().await;
    keycards.supplier_accepts_orders().await;
    let token = customer("user-1");
    let mut future = order();
    future["birth_date"] = json!("2999-01-01");
    let mut country = order();
    country["shipping_address"]["country"] = json!("Austria");
    let mut blank = order();
    blank["holder_name"] = json!("   ");
    for (body, field) in [
        (future, "birth_date"),
        (country, "shipping_address.country"),
        (blank, "holder_name"),
    ] {
        let answer = keycards.call("create", Some(&body), Some(&token)).await;
        assert_eq!(answer.status, 400, "{field}: {}", answer.body);
        assert_eq!(answer.body["error"]["code"], "invalid_input");
        let message = answer.body["error"]["message"].as_str().unwrap();
        assert!(message.contains(field), "{message}");
    }
    assert!(requests(&keycards.supplier).await.is_empty());
    let list = keycards.call("list", None, Some(&token)).await;
    assert_eq!(list.body, json!({"keycards": []}));
}

#[tokio::test]
async fn the_list_holds_the_callers_own_keycards_newest_first() {
    let keycards = Keycards::start().await;
    keycards.supplier_accepts_orders().await;
    let token = customer("user-1");
    let mut ids = Vec::new();
    for name in ["First Card", "Second Card"] {
        let mut body = order();
        body["holder_name"] = json!(name);
        let created = keycards.call("create", Some(&body), Some(&token)).await;
        ids.push(created.body["keycard_id"].clone());
    }
    keycards
        .call("create", Some(&order()), Some(&customer("user-2")))
        .await;
    let list = keycards.call("list", None, Some(&token)).await;
    list.assert_status(200);
    let listed = list.each("keycards", "keycard_id");
    assert_eq!(listed, vec![ids[1].clone(), ids[0].clone()]);
}

#[tokio::test]
async fn another_customers_keycard_is_404_like_one_that_does_not_exist() {
    let keycards = Keycards::start().await;
    keycards.supplier_accepts_orders().await;
    let created = keycards
        .call("create", Some(&order()), Some(&customer("user-1")))
        .await;
    let id = created.body["keycard_id"].as_str().unwrap();
    let own = keycards.read(id, &customer("user-1")).await;
    own.assert_status(200);
    assert_eq!(own.body, created.body);
    let theirs = keycards.read(id, &customer("user-2")).await;
    let missing = keycards
        .read("kc-00000000000000000000000000000000", &customer("user-2"))
        .await;
    assert_eq!((theirs.status, missing.status), (404, 404));
    assert_eq!(theirs.body, missing.body);
    let unauthenticated = keycards.call("read", None, None).await;
    unauthenticated.assert_status(401);
}

#[tokio::test]
async fn the_order_service_reads_any_keycard_with_its_owner_through_a_service_token() {
    let keycards = Keycards::start().await;
    keycards.supplier_accepts_orders().await;
    let created = keycards
        .call("create", Some(&order()), Some(&customer("user-1")))
        .await;
    let id = created.body["keycard_id"].as_str().unwrap();
    let read = keycards.read(id, &service("order", "keycards")).await;
    read.assert_status(200);
    assert_eq!(read.body["owner"], "user-1");
    assert_eq!(read.body["status"], "ordered");
    let wrong_audience = keycards.read(id, &service("order", "payment")).await;
    wrong_audience.assert_status(401);
    let customer_audience = keycards.read(id, &service("order", API_AUDIENCE)).await;
    customer_audience.assert_status(403);
}

#[tokio::test]
async fn a_supplier_refusing_the_order_leaves_it_ordering_and_answers_201() {
    let keycards = Keycards::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/cards"))
        .and(header("authorization", "Bearer supplier-key"))
        .and(body_partial_json(json!({"customerName": "Anna Muster"})))
        .respond_with(ResponseTemplate::new(503))
        .mount(&keycards.supplier)
        .await;
    let created = keycards
        .call("create", Some(&order()), Some(&customer("user-1")))
        .await;
    created.assert_status(201);
    assert_eq!(created.body["status"], "ordering");
    assert!(
        keycards.mails().await.is_empty(),
        "no mail before the supplier has it"
    );
}
