//! An operator's lifecycle: deactivating one keeps its bookings reachable, an update that
//! does not mention `active` leaves it as it was, and an update never undoes a deactivation
//! that came between its read and its write.

mod common;

use common::{Facade, admin, dta_operator, keycard, order_service};
use liftoperator::domain::OperatorId;
use liftoperator::ports::OperatorStore;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

#[tokio::test]
async fn an_update_without_active_keeps_a_deactivated_operator_deactivated() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    let deactivated = facade
        .call("deactivate-operator", "hochalm", None, Some(&admin()))
        .await;
    assert_eq!(deactivated.body["active"], false);
    let mut renamed = dta_operator();
    renamed.as_object_mut().unwrap().remove("id");
    renamed["name"] = "Hochalm Bahnen".into();
    let updated = facade
        .call("update-operator", "hochalm", Some(renamed), Some(&admin()))
        .await;
    updated.assert_status(200);
    assert_eq!(updated.body["active"], false);
    assert_eq!(updated.body["name"], "Hochalm Bahnen");
    let read = facade.call("read-operator", "hochalm", None, None).await;
    read.assert_status(404);
}

#[tokio::test]
async fn an_update_may_still_reactivate_an_operator_when_it_says_so() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    facade
        .call("deactivate-operator", "hochalm", None, Some(&admin()))
        .await;
    let mut active = dta_operator();
    active.as_object_mut().unwrap().remove("id");
    active["active"] = true.into();
    let updated = facade
        .call("update-operator", "hochalm", Some(active), Some(&admin()))
        .await;
    assert_eq!(updated.body["active"], true, "{}", updated.body);
    let read = facade.call("read-operator", "hochalm", None, None).await;
    read.assert_status(200);
}

#[tokio::test]
async fn bookings_of_a_deactivated_operator_can_still_be_read_and_cancelled_but_not_made() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    let booking = |status: &str| {
        json!({"external_order_id": "ord-2026-000123", "status": status,
        "items": [{"pool_no": 1, "ticket_type_no": 10, "person_type_no": 1, "valid_from": "2026-12-24", "keycard": keycard()}],
        "tickets": [{"item": 0, "project_no": 4711, "pos_no": 12, "serial_no": 100, "journal_no": 5100, "cancelled": status == "cancelled"}]})
    };
    Mock::given(method("GET"))
        .and(path("/axess/bookings/ord-2026-000123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(booking("issued")))
        .mount(&facade.api)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/axess/bookings/ord-2026-000123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(booking("cancelled")))
        .mount(&facade.api)
        .await;
    facade
        .call("deactivate-operator", "gipfelbahn", None, Some(&admin()))
        .await;
    let read = facade
        .call("read-booking", "gipfelbahn", None, Some(&order_service()))
        .await;
    read.assert_status(200);
    assert_eq!(read.body["status"], "booked");
    let cancelled = facade
        .call("cancel-booking", "gipfelbahn", None, Some(&order_service()))
        .await;
    cancelled.assert_status(200);
    assert_eq!(cancelled.body["status"], "cancelled");
    let body = json!({"external_order_id": "ord-8", "items": [{"product_id": "1-10-1", "date": "2026-12-24", "keycard": keycard()}]});
    let book = facade
        .call("book", "gipfelbahn", Some(body), Some(&order_service()))
        .await;
    book.assert_status(404);
}

#[tokio::test]
async fn a_write_based_on_a_read_from_before_a_deactivation_is_refused() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    let id = OperatorId::parse("hochalm").unwrap();
    let read_before = facade.app.store.operator(&id).await.unwrap().unwrap();
    let deactivated = facade
        .call("deactivate-operator", "hochalm", None, Some(&admin()))
        .await;
    assert_eq!(deactivated.body["active"], false);
    let held = facade.app.store.replace(&read_before, true).await.unwrap();
    assert!(!held, "the stale write must not reactivate the operator");
    let stored = facade.app.store.operator(&id).await.unwrap().unwrap();
    assert!(!stored.active);
}
