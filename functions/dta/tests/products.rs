//! `GET /dta/products` against a stubbed SkiData: success, failures, malformed answers, and
//! who may ask.

mod common;

use common::{CONTRACTOR, Dta, PASSWORD, USERNAME, products_answer};
use shared::testing::function::not_this_service;
use shared::testing::stubs::requests;
use std::time::Duration;
use wiremock::matchers::{basic_auth, header, method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

#[tokio::test]
async fn products_are_read_with_the_operators_credentials_and_priced_in_cents() {
    let dta = Dta::start().await;
    Mock::given(method("GET"))
        .and(path("/products"))
        .and(query_param("validFrom", "2026-12-24"))
        .and(basic_auth(USERNAME, PASSWORD))
        .and(header("x-contractor-id", CONTRACTOR))
        .respond_with(ResponseTemplate::new(200).set_body_json(products_answer()))
        .expect(1)
        .mount(&dta.skidata)
        .await;
    let answer = dta.call("products", None).await;
    answer.assert_status(200);
    assert_eq!(answer.body["date"], "2026-12-24");
    let products = answer.body["products"].as_array().unwrap();
    assert_eq!(products.len(), 2);
    assert_eq!(products[0]["product_id"], "DAY");
    assert_eq!(products[0]["consumer_category_id"], "ADULT");
    assert_eq!(products[0]["category"], "adult");
    assert_eq!(products[0]["validity_days"], 1);
    assert_eq!(
        products[0]["price"],
        serde_json::json!({"amount_cents": 5950, "currency": "EUR"})
    );
    assert_eq!(products[1]["category"], "child");
    assert_eq!(products[1]["price"]["amount_cents"], 3000);
}

#[tokio::test]
async fn a_skidata_server_error_is_a_502_with_a_code_and_is_not_retried() {
    let dta = Dta::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500).set_body_string("NullPointerException"))
        .mount(&dta.skidata)
        .await;
    let answer = dta.call("products", None).await;
    answer.assert_error(502, "provider_error");
    assert_eq!(
        dta.requests_to("GET", "/products").await,
        1,
        "a 500 is not transient"
    );
}

#[tokio::test]
async fn an_unavailable_skidata_is_a_503_after_the_retries() {
    let dta = Dta::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&dta.skidata)
        .await;
    let answer = dta.call("products", None).await;
    answer.assert_error(503, "provider_unavailable");
    assert_eq!(dta.requests_to("GET", "/products").await, 3);
}

#[tokio::test]
async fn a_skidata_that_answers_too_slowly_is_a_504() {
    let dta = Dta::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(products_answer())
                .set_delay(Duration::from_secs(2)),
        )
        .mount(&dta.skidata)
        .await;
    let answer = dta.call("products", None).await;
    answer.assert_error(504, "provider_timeout");
}

#[tokio::test]
async fn malformed_product_answers_are_a_502_and_never_a_partial_list() {
    let bad_answers = [
        serde_json::json!("{\"products\": [").to_string(),
        serde_json::json!({"items": []}).to_string(),
        serde_json::json!({"products": [{"id": "DAY", "name": "Day", "validity": {"unit": "DAY", "value": 1},
            "consumerCategories": [{"id": "ADULT", "name": "Adult", "price": {"amountGross": 59.999, "currencyCode": "EUR"}}]}]}).to_string(),
        serde_json::json!({"products": [{"id": "../admin", "name": "Day", "validity": {"unit": "DAY", "value": 1}, "consumerCategories": []}]}).to_string(),
        format!("{{\"products\": [], \"padding\": \"{}\"}}", "x".repeat(1024 * 1024 + 1)),
    ];
    for bad in bad_answers {
        let dta = Dta::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_string(bad.clone()))
            .mount(&dta.skidata)
            .await;
        let answer = dta.call("products", None).await;
        assert_eq!(answer.status, 502, "{}", &bad[..bad.len().min(80)]);
        assert_eq!(answer.body["error"]["code"], "provider_malformed_answer");
    }
}

#[tokio::test]
async fn only_service_tokens_may_call_the_adapter() {
    let dta = Dta::start().await;
    for (caller, token, status) in not_this_service("dta") {
        let answer = dta.call_as("products", None, &token).await;
        assert_eq!(answer.status, status, "{caller}: {}", answer.body);
    }
    assert!(requests(&dta.skidata).await.is_empty());
}

#[tokio::test]
async fn the_status_names_a_failing_skidata() {
    let dta = Dta::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&dta.skidata)
        .await;
    let answer = dta.call("status", None).await;
    answer.assert_status(503);
    assert_eq!(answer.body["checks"]["table"]["ok"], true);
    assert_eq!(answer.body["checks"]["skidata"]["ok"], false);
}
