//! The facade when an adapter fails: its status and code passed on, no answer in time, a
//! malformed answer, and a refused service token fetched anew.

mod common;

use common::{Facade, dta_products, order_service};
use serde_json::json;
use shared::testing::stubs::requests;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

#[tokio::test]
async fn a_providers_failure_is_passed_on_with_its_status_and_code() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(200).set_body_json(dta_products()))
        .mount(&facade.api)
        .await;
    Mock::given(method("POST"))
        .and(path("/dta/bookings"))
        .respond_with(ResponseTemplate::new(504).set_body_json(
            json!({"error": {"code": "booking_pending", "message": "not finished"}}),
        ))
        .mount(&facade.api)
        .await;
    let answer = facade
        .call("book", "hochalm", None, Some(&order_service()))
        .await;
    answer.assert_error(504, "booking_pending");
}

#[tokio::test]
async fn an_adapter_that_does_not_answer_in_time_is_a_504_and_a_malformed_answer_a_502() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(200).set_delay(std::time::Duration::from_secs(2)))
        .mount(&facade.api)
        .await;
    Mock::given(method("GET"))
        .and(path("/axess/products"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string("{\"products\": [{\"pool_no\": \"one\"}]}"),
        )
        .mount(&facade.api)
        .await;
    let slow = facade.call("products", "hochalm", None, None).await;
    slow.assert_error(504, "adapter_timeout");
    let malformed = facade.call("products", "gipfelbahn", None, None).await;
    malformed.assert_error(502, "adapter_malformed_answer");
}

#[tokio::test]
async fn a_refused_service_token_is_fetched_anew_once() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1)
        .mount(&facade.api)
        .await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(200).set_body_json(dta_products()))
        .mount(&facade.api)
        .await;
    facade
        .call("products", "hochalm", None, None)
        .await
        .assert_status(200);
    let token_requests = requests(&facade.api)
        .await
        .iter()
        .filter(|r| r.url.path() == "/auth/token")
        .count();
    assert_eq!(token_requests, 2);
}

#[tokio::test]
async fn a_negative_price_from_an_adapter_is_a_malformed_answer() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    let mut negative = dta_products();
    negative["products"][0]["price"]["amount_cents"] = json!(-5950);
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(200).set_body_json(negative))
        .mount(&facade.api)
        .await;
    let answer = facade.call("products", "hochalm", None, None).await;
    answer.assert_error(502, "adapter_malformed_answer");
}
