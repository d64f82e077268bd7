//! `GET /axess/products` against a stubbed Axess: sessions, tariffs, Faults, refusals,
//! malformed answers and who may ask.

mod common;

use common::{AxessFn, USERNAME, fault, ok, operation, refused, tariff};
use shared::testing::function::not_this_service;
use shared::testing::stubs::requests;
use std::time::Duration;
use wiremock::ResponseTemplate;
use wiremock::matchers::body_string_contains;

#[tokio::test]
async fn tariffs_are_priced_in_cents_within_one_session_per_container() {
    let axess = AxessFn::start().await;
    axess.logs_in(77).await;
    operation("getTariff")
        .and(body_string_contains("<NPERSONTYPNO>1</NPERSONTYPNO>"))
        .respond_with(tariff("59.00", "Adult"))
        .mount(&axess.axess)
        .await;
    operation("getTariff")
        .respond_with(tariff("29.5", "Child"))
        .mount(&axess.axess)
        .await;
    for _ in 0..2 {
        let answer = axess.call("products", None).await;
        answer.assert_status(200);
        let products = answer.body["products"].as_array().unwrap();
        assert_eq!(products.len(), 3);
        assert_eq!(products[0]["ticket_type_no"], 10);
        assert_eq!(products[0]["person_type_name"], "Adult");
        assert_eq!(
            products[0]["price"],
            serde_json::json!({"amount_cents": 5900, "currency": "EUR"})
        );
        assert_eq!(products[1]["price"]["amount_cents"], 2950);
    }
    assert_eq!(axess.calls_of("login").await.len(), 1);
    let tariffs = axess.calls_of("getTariff").await;
    assert_eq!(tariffs.len(), 6);
    assert!(tariffs[0].contains("<NSESSIONID>77</NSESSIONID>"));
    assert!(tariffs[0].contains("<SZVALIDFROM>2026-12-24</SZVALIDFROM>"));
}

#[tokio::test]
async fn an_expired_session_is_renewed_by_logging_in_again_once() {
    let axess = AxessFn::start().await;
    operation("login")
        .respond_with(ok("login", "<NSESSIONID>1</NSESSIONID><NPOSNO>12</NPOSNO>"))
        .up_to_n_times(1)
        .mount(&axess.axess)
        .await;
    axess.logs_in(2).await;
    operation("getTariff")
        .and(body_string_contains("<NSESSIONID>1</NSESSIONID>"))
        .respond_with(refused("getTariff", 102, "session expired"))
        .mount(&axess.axess)
        .await;
    operation("getTariff")
        .and(body_string_contains("<NSESSIONID>2</NSESSIONID>"))
        .respond_with(tariff("59.00", "Adult"))
        .mount(&axess.axess)
        .await;
    let answer = axess.call("products", None).await;
    answer.assert_status(200);
    assert_eq!(axess.calls_of("login").await.len(), 2);
}

#[tokio::test]
async fn credentials_are_escaped_in_the_login_envelope() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    operation("getTariff")
        .respond_with(tariff("1", "Adult"))
        .mount(&axess.axess)
        .await;
    axess.call("products", None).await.assert_status(200);
    let login = &axess.calls_of("login").await[0];
    assert!(login.contains("star&lt;jack&gt;&amp;co"), "{login}");
    assert!(!login.contains(USERNAME));
}

#[tokio::test]
async fn a_soap_fault_is_a_502_naming_the_fault() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    operation("getTariff")
        .respond_with(fault("database offline"))
        .mount(&axess.axess)
        .await;
    let answer = axess.call("products", None).await;
    assert!(
        answer
            .assert_error(502, "provider_fault")
            .contains("database offline")
    );
}

#[tokio::test]
async fn an_error_number_in_a_200_is_a_502_naming_it() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    operation("getTariff")
        .respond_with(refused("getTariff", 301, "no tariff for this day"))
        .mount(&axess.axess)
        .await;
    let answer = axess.call("products", None).await;
    assert!(answer.assert_error(502, "provider_refused").contains("301"));
}

#[tokio::test]
async fn a_refused_login_is_a_502_and_no_session_is_kept() {
    let axess = AxessFn::start().await;
    operation("login")
        .respond_with(refused("login", 5, "wrong password"))
        .mount(&axess.axess)
        .await;
    axess.call("products", None).await.assert_status(502);
    axess.call("products", None).await.assert_status(502);
    assert_eq!(axess.calls_of("login").await.len(), 2);
}

#[tokio::test]
async fn an_unavailable_axess_is_a_503_and_a_tariff_is_not_asked_for_again() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    operation("getTariff")
        .respond_with(ResponseTemplate::new(503))
        .mount(&axess.axess)
        .await;
    let answer = axess.call("products", None).await;
    answer.assert_error(503, "provider_unavailable");
    assert_eq!(axess.calls_of("getTariff").await.len(), 1);
}

#[tokio::test]
async fn an_axess_that_answers_too_slowly_is_a_504() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    operation("getTariff")
        .respond_with(tariff("1", "Adult").set_delay(Duration::from_secs(2)))
        .mount(&axess.axess)
        .await;
    let answer = axess.call("products", None).await;
    answer.assert_error(504, "provider_timeout");
}

#[tokio::test]
async fn malformed_answers_are_a_502() {
    let bad_answers = [
        "this is not XML <".to_owned(),
        "<html><body>gateway</body></html>".to_owned(),
        r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>"#.to_owned(),
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><getTariffResponse><NERRORNO>zero</NERRORNO></getTariffResponse></soap:Body></soap:Envelope>"#.to_owned(),
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><getTariffResponse><NERRORNO>0</NERRORNO><FTARIFF>1e9</FTARIFF><SZCURRENCY>EUR</SZCURRENCY><SZTICKETTYPENAME>x</SZTICKETTYPENAME><SZPERSONTYPENAME>y</SZPERSONTYPENAME><NVALIDDAYS>1</NVALIDDAYS></getTariffResponse></soap:Body></soap:Envelope>"#.to_owned(),
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><loginResponse><NERRORNO>0</NERRORNO></loginResponse></soap:Body></soap:Envelope>"#.to_owned(),
        format!("<a>{}</a>", "x".repeat(300 * 1024)),
    ];
    for bad in bad_answers {
        let axess = AxessFn::start().await;
        axess.logs_in(5).await;
        operation("getTariff")
            .respond_with(ResponseTemplate::new(200).set_body_raw(bad.clone(), "text/xml"))
            .mount(&axess.axess)
            .await;
        let answer = axess.call("products", None).await;
        assert_eq!(answer.status, 502, "{}", &bad[..bad.len().min(80)]);
        assert_eq!(
            answer.body["error"]["code"],
            "provider_malformed_answer",
            "{}",
            &bad[..bad.len().min(80)]
        );
    }
}

#[tokio::test]
async fn only_service_tokens_may_call_the_adapter() {
    let axess = AxessFn::start().await;
    for (caller, token, status) in not_this_service("axess") {
        let answer = axess.call_as("products", None, &token).await;
        assert_eq!(answer.status, status, "{caller}: {}", answer.body);
    }
    assert!(requests(&axess.axess).await.is_empty());
}

#[tokio::test]
async fn the_status_checks_that_axess_answers_without_opening_a_session() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    for _ in 0..3 {
        let answer = axess.call("status", None).await;
        answer.assert_status(200);
        assert_eq!(answer.body["checks"]["axess"]["ok"], true);
    }
    assert!(axess.calls_of("login").await.is_empty());
}

#[tokio::test]
async fn the_status_reports_an_axess_that_fails() {
    let axess = AxessFn::start().await;
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .respond_with(wiremock::ResponseTemplate::new(500))
        .mount(&axess.axess)
        .await;
    let answer = axess.call("status", None).await;
    answer.assert_status(503);
    assert_eq!(answer.body["checks"]["axess"]["ok"], false);
}
