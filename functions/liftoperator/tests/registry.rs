//! The operator registry: admins write, anyone reads active operators, nobody sees provider
//! credentials references.

mod common;

use common::{Facade, admin, customer, dta_operator};
use serde_json::json;

#[tokio::test]
async fn an_admin_creates_an_operator_that_anyone_can_then_read() {
    let facade = Facade::start().await;
    let created = facade
        .call("create-operator", "", Some(dta_operator()), Some(&admin()))
        .await;
    created.assert_status(201);
    assert_eq!(created.body["active"], true);
    assert_eq!(created.body["provider"]["credentials"], "demo-dta");

    let read = facade.call("read-operator", "hochalm", None, None).await;
    read.assert_status(200);
    assert_eq!(read.body["name"], "Hochalm Bergbahnen");
    assert_eq!(read.body["provider"], "dta");
    assert!(!read.body.to_string().contains("demo-dta"));
}

#[tokio::test]
async fn only_admins_may_write_the_registry() {
    let facade = Facade::start().await;
    let as_customer = facade
        .call(
            "create-operator",
            "",
            Some(dta_operator()),
            Some(&customer()),
        )
        .await;
    as_customer.assert_status(403);
    let anonymous = facade
        .call("create-operator", "", Some(dta_operator()), None)
        .await;
    anonymous.assert_status(401);
    let as_service = facade
        .call(
            "deactivate-operator",
            "hochalm",
            None,
            Some(&common::order_service()),
        )
        .await;
    as_service.assert_status(403);
    assert_eq!(
        facade.call("list-operators", "", None, None).await.body["operators"],
        json!([])
    );
}

#[tokio::test]
async fn an_operator_id_is_taken_once() {
    let facade = Facade::start().await;
    facade
        .call("create-operator", "", Some(dta_operator()), Some(&admin()))
        .await
        .assert_status(201);
    let again = facade
        .call("create-operator", "", Some(dta_operator()), Some(&admin()))
        .await;
    again.assert_error(409, "operator_exists");
}

#[tokio::test]
async fn invalid_operators_are_refused_with_400() {
    let facade = Facade::start().await;
    let mut far_north = dta_operator();
    far_north["location"]["lat"] = 91.into();
    let mut secret = dta_operator();
    secret["provider"]["password"] = "hunter2".into();
    let mut odd_id = dta_operator();
    odd_id["id"] = "Hoch Alm".into();
    let mut fixed_route = dta_operator();
    fixed_route["id"] = "status".into();
    for body in [far_north, secret, odd_id, fixed_route] {
        let answer = facade
            .call("create-operator", "", Some(body), Some(&admin()))
            .await;
        answer.assert_status(400);
    }
}

#[tokio::test]
async fn an_update_replaces_the_operator_and_an_unknown_one_is_a_404() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    let mut changed = dta_operator();
    changed.as_object_mut().unwrap().remove("id");
    changed["name"] = "Hochalm Bahnen".into();
    let updated = facade
        .call(
            "update-operator",
            "hochalm",
            Some(changed.clone()),
            Some(&admin()),
        )
        .await;
    updated.assert_status(200);
    assert_eq!(
        facade
            .call("read-operator", "hochalm", None, None)
            .await
            .body["name"],
        "Hochalm Bahnen"
    );
    let unknown = facade
        .call("update-operator", "nowhere", Some(changed), Some(&admin()))
        .await;
    unknown.assert_status(404);
}

#[tokio::test]
async fn a_deactivated_operator_disappears_from_public_reads() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    let listed = facade.call("list-operators", "", None, None).await;
    assert_eq!(listed.body["operators"].as_array().unwrap().len(), 2);
    let deactivated = facade
        .call("deactivate-operator", "hochalm", None, Some(&admin()))
        .await;
    deactivated.assert_status(200);
    assert_eq!(deactivated.body["active"], false);
    let listed = facade.call("list-operators", "", None, None).await;
    let ids = listed.each("operators", "id");
    assert_eq!(ids, vec![json!("gipfelbahn")]);
    facade
        .call("read-operator", "hochalm", None, None)
        .await
        .assert_status(404);
    facade
        .call("products", "hochalm", None, None)
        .await
        .assert_status(404);
}

#[tokio::test]
async fn the_seeded_demo_operators_are_accepted_by_the_registry() {
    let facade = Facade::start().await;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scripts/seed/liftoperators.json"
    );
    let seed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for operator in seed.as_array().unwrap() {
        let answer = facade
            .call(
                "create-operator",
                "",
                Some(operator.clone()),
                Some(&admin()),
            )
            .await;
        answer.assert_status(201);
    }
    let listed = facade.call("list-operators", "", None, None).await;
    let providers = listed.each("operators", "provider");
    assert_eq!(providers, vec![json!("axess"), json!("dta")]);
}
