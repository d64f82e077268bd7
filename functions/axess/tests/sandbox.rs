//! The adapter against the local sandbox's Axess: both sides of the SOAP wire format agree.

mod common;

use common::{AxessFn, booking};
use serde_json::json;
use wiremock::MockServer;

#[tokio::test]
async fn the_sandbox_prices_issues_and_cancels_what_the_adapter_asks_for() {
    let credentials = json!({"demo-axess": {"username": "starjack", "password": "sandbox-axess"}});
    let axess = AxessFn::against(
        MockServer::start().await,
        &format!(
            "{}/axess",
            sandbox::spawn(sandbox::Sandbox::default())
                .await
                .expect("sandbox")
        ),
        credentials,
    )
    .await;
    let products = axess.call("products", None).await;
    products.assert_status(200);
    assert_eq!(
        products.body["products"][1]["price"],
        json!({"amount_cents": 2700, "currency": "EUR"})
    );
    assert_eq!(products.body["products"][2]["person_type_name"], "Senior");

    let booked = axess
        .call("book", Some(booking("ord-2026-000124", 2)))
        .await;
    booked.assert_status(201);
    assert_eq!(booked.body["tickets"][1]["project_no"], 4711);
    let cancelled = axess.call("cancel-booking", None).await;
    assert_eq!(cancelled.body["status"], "cancelled", "{}", cancelled.body);
}
