//! The adapter against the local sandbox's SkiData: both sides of the wire format agree.

mod common;

use common::{Dta, booking};
use serde_json::json;
use wiremock::MockServer;

#[tokio::test]
async fn the_sandbox_sells_and_books_what_the_adapter_asks_for() {
    let credentials = json!({"demo-dta": {"username": "starjack", "password": "sandbox-dta", "contractor_id": "C-HOCHALM"}});
    let dta = Dta::against(
        MockServer::start().await,
        &format!(
            "{}/skidata",
            sandbox::spawn(sandbox::Sandbox::default())
                .await
                .expect("sandbox")
        ),
        credentials,
        &[],
    )
    .await;
    let products = dta.call("products", None).await;
    products.assert_status(200);
    assert_eq!(products.body["products"].as_array().unwrap().len(), 6);
    assert_eq!(
        products.body["products"][0]["price"],
        json!({"amount_cents": 5950, "currency": "EUR"})
    );

    let booked = dta.call("book", Some(booking("ord-2026-000123"))).await;
    booked.assert_status(201);
    assert_eq!(booked.body["status"], "booked");
    dta.call("book", Some(booking("ord-2026-000123")))
        .await
        .assert_status(200);
    let cancelled = dta.call("cancel-booking", None).await;
    assert_eq!(cancelled.body["status"], "cancelled", "{}", cancelled.body);
}
