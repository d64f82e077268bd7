//! The scheduled sync: a supplier outage during ordering, and a lost webhook, are healed.
#![allow(clippy::unwrap_used)]

mod common;

use common::{CARD_ORDER_ID, Keycards, card, order, summary};
use shared::testing::function::customer;
use shared::testing::stubs::requests;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

#[tokio::test]
async fn a_supplier_outage_during_ordering_is_healed_by_the_sync_with_one_order() {
    let keycards = Keycards::start_with(&[("KEYCARDS_SYNC_AFTER_MS", "0")]).await;
    let outage = Mock::given(method("POST"))
        .and(path("/v1/cards"))
        .respond_with(ResponseTemplate::new(503))
        .mount_as_scoped(&keycards.supplier)
        .await;
    let created = keycards
        .call("create", Some(&order()), Some(&customer("user-1")))
        .await;
    assert_eq!(created.body["status"], "ordering");
    let id = created.body["keycard_id"].as_str().unwrap().to_owned();
    drop(outage);
    keycards.supplier_accepts_orders().await;

    let report = keycards.app.sync(None).await.unwrap();
    assert_eq!((report.due, report.advanced, report.failed), (1, 1, 0));
    let read = keycards.read(&id, &customer("user-1")).await.body;
    assert_eq!(read["status"], "ordered");
    let accepted: Vec<_> = requests(&keycards.supplier)
        .await
        .into_iter()
        .map(|r| serde_json::from_slice::<serde_json::Value>(&r.body).unwrap())
        .collect();
    assert!(accepted.iter().all(|order| order["externalId"] == id));
    assert_eq!(
        summary(&keycards.mails().await),
        vec![("keycard-ordered".to_owned(), "anna@example.com".to_owned())]
    );

    let again = keycards.app.sync(None).await.unwrap();
    assert_eq!(again.advanced, 0, "nothing left to heal");
}

#[tokio::test]
async fn a_lost_webhook_is_made_up_for_by_asking_the_supplier() {
    let keycards = Keycards::start_with(&[("KEYCARDS_SYNC_AFTER_MS", "0")]).await;
    keycards.supplier_accepts_orders().await;
    let created = keycards
        .call("create", Some(&order()), Some(&customer("user-1")))
        .await;
    let id = created.body["keycard_id"].as_str().unwrap().to_owned();
    keycards.mails().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/cards/{CARD_ORDER_ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(card("SHIPPED")))
        .mount(&keycards.supplier)
        .await;
    let report = keycards.app.sync(None).await.unwrap();
    assert_eq!(report.advanced, 1);
    let read = keycards.read(&id, &customer("user-1")).await.body;
    assert_eq!(read["status"], "shipped");
    assert_eq!(
        summary(&keycards.mails().await),
        vec![("keycard-shipped".to_owned(), "anna@example.com".to_owned())]
    );
}

#[tokio::test]
async fn recently_changed_keycards_are_left_to_the_webhook() {
    let keycards = Keycards::start().await;
    keycards.supplier_accepts_orders().await;
    keycards
        .call("create", Some(&order()), Some(&customer("user-1")))
        .await;
    let report = keycards.app.sync(None).await.unwrap();
    assert_eq!(report.due, 0);
}
