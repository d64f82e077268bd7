//! Mpay24 ETP: SOAP operations, the payment page and the confirmation callback.

mod common;

use axum::Router;
use axum::http::StatusCode;
use common::{basic, get, post, xml_parameters, xml_text};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ENDPOINT: &str = "/mpay24/app/bin/etpproxy_v15";

fn auth() -> String {
    basic("u99999", "sandbox-mpay24-password")
}

fn envelope(operation: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:etp="https://www.mpay24.com/soap/etp/1.5/ETP.wsdl">
<soapenv:Body>{operation}</soapenv:Body></soapenv:Envelope>"#
    )
}

fn order(tid: &str, price: &str, base: &str) -> String {
    format!(
        "<Order><Tid>{tid}</Tid><ShoppingCart><Description>Ski pass &amp; more</Description></ShoppingCart>\
         <Price>{price}</Price><Currency>EUR</Currency><URL><Success>{base}/shop/success</Success>\
         <Error>{base}/shop/error</Error><Confirmation>{base}/payments/confirmation?shop=starjack</Confirmation></URL></Order>"
    )
}

async fn soap(app: &Router, operation: &str) -> common::Answer {
    let auth = auth();
    post(
        app,
        ENDPOINT,
        "text/xml; charset=utf-8",
        envelope(operation),
        &[("authorization", &auth)],
    )
    .await
}

/// SelectPayment for `tid`; returns the mpayTID.
async fn select(app: &Router, tid: &str, price: &str, base: &str) -> String {
    let operation = format!(
        "<etp:SelectPayment><merchantID>99999</merchantID><mdxi>{}</mdxi></etp:SelectPayment>",
        order(tid, price, base)
    );
    let answer = soap(app, &operation).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    xml_text(&answer.text(), "mpayTID").expect("mpayTID")
}

async fn status_of(app: &Router, by: &str) -> String {
    soap(
        app,
        &format!(
            "<etp:TransactionStatus><merchantID>99999</merchantID>{by}</etp:TransactionStatus>"
        ),
    )
    .await
    .text()
}

async fn merchant() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/payments/confirmation"))
        .respond_with(ResponseTemplate::new(200).set_body_string("OK"))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn select_payment_answers_a_redirect_to_the_sandbox_payment_page() {
    let (sandbox, app) = common::sandbox();
    let operation = format!(
        "<etp:SelectPayment><merchantID>99999</merchantID><mdxi>{}</mdxi></etp:SelectPayment>",
        order("order-1", "49.90", "http://127.0.0.1:9")
    );
    let answer = soap(&app, &operation).await;
    let document = answer.text();
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer
            .header("content-type")
            .unwrap_or_default()
            .starts_with("text/xml")
    );
    assert!(document.contains("SelectPaymentResponse"), "{document}");
    assert_eq!(xml_text(&document, "status").as_deref(), Some("OK"));
    assert_eq!(
        xml_text(&document, "returnCode").as_deref(),
        Some("REDIRECT")
    );
    let mpay_tid = xml_text(&document, "mpayTID").expect("mpayTID");
    assert_eq!(mpay_tid.len(), 10);
    assert_eq!(
        xml_text(&document, "location"),
        Some(format!("http://127.0.0.1:3100/mpay24/pay/{mpay_tid}"))
    );
    let recorded = sandbox.records("payment.select");
    assert_eq!(recorded[0].data["priceCents"], 4990);
    assert_eq!(recorded[0].data["description"], "Ski pass & more");
}

#[tokio::test]
async fn the_mdxi_may_come_as_escaped_text_as_the_php_sdk_sends_it() {
    let (_, app) = common::sandbox();
    let escaped = order("order-2", "10", "http://127.0.0.1:9")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let operation = format!(
        "<etp:SelectPayment><merchantID>99999</merchantID><mdxi>{escaped}</mdxi></etp:SelectPayment>"
    );
    let document = soap(&app, &operation).await.text();
    assert_eq!(
        xml_text(&document, "returnCode").as_deref(),
        Some("REDIRECT"),
        "{document}"
    );
}

#[tokio::test]
async fn the_same_order_gets_the_same_mpaytid() {
    let (_, first) = common::sandbox();
    let (_, second) = common::sandbox();
    let a = select(&first, "order-3", "10.00", "http://127.0.0.1:9").await;
    let b = select(&second, "order-3", "10.00", "http://127.0.0.1:9").await;
    let c = select(&second, "order-4", "10.00", "http://127.0.0.1:9").await;
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[tokio::test]
async fn wrong_or_missing_credentials_are_a_401() {
    let (_, app) = common::sandbox();
    let body = envelope(
        "<etp:TransactionStatus><merchantID>99999</merchantID><tid>x</tid></etp:TransactionStatus>",
    );
    let wrong = basic("u99999", "guess");
    let answer = post(
        &app,
        ENDPOINT,
        "text/xml",
        body.clone(),
        &[("authorization", &wrong)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert!(answer.header("www-authenticate").is_some());
    let answer = post(&app, ENDPOINT, "text/xml", body, &[]).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_doctype_is_answered_with_a_soap_fault() {
    let (sandbox, app) = common::sandbox();
    let body = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#;
    let auth = auth();
    let answer = post(
        &app,
        ENDPOINT,
        "text/xml",
        body,
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(xml_text(&answer.text(), "faultstring").is_some_and(|f| f.contains("DOCTYPE")));
    assert!(sandbox.records("").is_empty());
}

#[tokio::test]
async fn malformed_xml_and_unknown_operations_are_soap_faults() {
    let (_, app) = common::sandbox();
    let auth = auth();
    let answer = post(
        &app,
        ENDPOINT,
        "text/xml",
        "<a><b></a>",
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        xml_text(&answer.text(), "faultcode").as_deref(),
        Some("SOAP-ENV:Client")
    );
    let answer = soap(
        &app,
        "<etp:AcceptWithdraw><merchantID>99999</merchantID></etp:AcceptWithdraw>",
    )
    .await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
}

#[tokio::test]
async fn an_order_with_a_bad_price_or_another_merchant_is_an_error_answer() {
    let (_, app) = common::sandbox();
    let bad_price = format!(
        "<etp:SelectPayment><merchantID>99999</merchantID><mdxi>{}</mdxi></etp:SelectPayment>",
        order("order-5", "12,50", "http://127.0.0.1:9")
    );
    let document = soap(&app, &bad_price).await.text();
    assert_eq!(xml_text(&document, "status").as_deref(), Some("ERROR"));
    assert_eq!(
        xml_text(&document, "returnCode").as_deref(),
        Some("INVALID_MDXI")
    );
    let other =
        "<etp:TransactionStatus><merchantID>11111</merchantID><tid>x</tid></etp:TransactionStatus>";
    let document = soap(&app, other).await.text();
    assert_eq!(
        xml_text(&document, "returnCode").as_deref(),
        Some("ACCESS_DENIED")
    );
}

#[tokio::test]
async fn an_unpaid_session_is_not_found_by_transaction_status() {
    let (_, app) = common::sandbox();
    let mpay_tid = select(&app, "order-6", "5.00", "http://127.0.0.1:9").await;
    let document = status_of(&app, &format!("<mpayTID>{mpay_tid}</mpayTID>")).await;
    assert_eq!(xml_text(&document, "status").as_deref(), Some("ERROR"));
    assert_eq!(
        xml_text(&document, "returnCode").as_deref(),
        Some("NOT_FOUND")
    );
}

#[tokio::test]
async fn paying_calls_the_confirmation_url_then_redirects_to_success() {
    let merchant = merchant().await;
    let (sandbox, app) = common::sandbox();
    let mpay_tid = select(&app, "order-7", "49.90", &merchant.uri()).await;

    let answer = post(
        &app,
        &format!("/mpay24/pay/{mpay_tid}/confirm"),
        "application/x-www-form-urlencoded",
        "",
        &[],
    )
    .await;

    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.header("location"),
        Some(format!("{}/shop/success", merchant.uri()))
    );
    assert_eq!(
        answer.header("x-sandbox-callback-status").as_deref(),
        Some("200")
    );
    let calls = merchant.received_requests().await.expect("recording");
    assert_eq!(calls.len(), 1);
    let query: std::collections::HashMap<String, String> =
        calls[0].url.query_pairs().into_owned().collect();
    for (key, value) in [
        ("shop", "starjack"),
        ("OPERATION", "CONFIRMATION"),
        ("TID", "order-7"),
        ("STATUS", "BILLED"),
        ("PRICE", "4990"),
        ("CURRENCY", "EUR"),
        ("MPAYTID", mpay_tid.as_str()),
        ("P_TYPE", "CC"),
        ("BRAND", "VISA"),
    ] {
        assert_eq!(query.get(key).map(String::as_str), Some(value), "{key}");
    }
    assert_eq!(query["APPR_CODE"].len(), 6);
    let callback = &sandbox.records("payment.confirmation")[0].data;
    assert_eq!(callback["answerStatus"], 200);
    let parameters = xml_parameters(&status_of(&app, "<tid>order-7</tid>").await);
    assert_eq!(parameters["STATUS"], "BILLED");
    assert_eq!(parameters["PRICE"], "4990");
    assert_eq!(parameters["MPAYTID"], mpay_tid);
}

#[tokio::test]
async fn declining_calls_back_with_status_error_and_redirects_to_the_error_url() {
    let merchant = merchant().await;
    let (_, app) = common::sandbox();
    let mpay_tid = select(&app, "order-8", "20.00", &merchant.uri()).await;
    let answer = post(
        &app,
        &format!("/mpay24/pay/{mpay_tid}/decline"),
        "text/plain",
        "",
        &[],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.header("location"),
        Some(format!("{}/shop/error", merchant.uri()))
    );
    let calls = merchant.received_requests().await.expect("recording");
    let query: std::collections::HashMap<String, String> =
        calls[0].url.query_pairs().into_owned().collect();
    assert_eq!(query["STATUS"], "ERROR");
    assert!(!query.contains_key("APPR_CODE"));
    let parameters =
        xml_parameters(&status_of(&app, &format!("<mpayTID>{mpay_tid}</mpayTID>")).await);
    assert_eq!(parameters["STATUS"], "ERROR");
}

#[tokio::test]
async fn paying_twice_is_a_conflict_and_calls_back_once() {
    let merchant = merchant().await;
    let (_, app) = common::sandbox();
    let mpay_tid = select(&app, "order-9", "20.00", &merchant.uri()).await;
    let confirm = format!("/mpay24/pay/{mpay_tid}/confirm");
    assert_eq!(
        post(&app, &confirm, "text/plain", "", &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post(&app, &confirm, "text/plain", "", &[]).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        merchant.received_requests().await.expect("recording").len(),
        1
    );
    assert_eq!(
        post(&app, "/mpay24/pay/1234/confirm", "text/plain", "", &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_unreachable_confirmation_url_is_recorded_and_the_browser_still_moves_on() {
    let (sandbox, app) = common::sandbox();
    let mpay_tid = select(&app, "order-10", "20.00", "http://127.0.0.1:1").await;
    let answer = post(
        &app,
        &format!("/mpay24/pay/{mpay_tid}/confirm"),
        "text/plain",
        "",
        &[],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.header("x-sandbox-callback-status").as_deref(),
        Some("none")
    );
    assert!(sandbox.records("payment.confirmation")[0].data["error"].is_string());
}

#[tokio::test]
async fn manual_credit_credits_a_billed_payment_up_to_its_price() {
    let merchant = merchant().await;
    let (sandbox, app) = common::sandbox();
    let mpay_tid = select(&app, "order-11", "30.00", &merchant.uri()).await;
    let credit = |amount: &str| {
        format!(
            "<etp:ManualCredit><merchantID>99999</merchantID><mpayTID>{mpay_tid}</mpayTID>{amount}</etp:ManualCredit>"
        )
    };
    let early = soap(&app, &credit("<amount>1000</amount>")).await.text();
    assert_eq!(
        xml_text(&early, "returnCode").as_deref(),
        Some("NOT_ALLOWED")
    );
    post(
        &app,
        &format!("/mpay24/pay/{mpay_tid}/confirm"),
        "text/plain",
        "",
        &[],
    )
    .await;

    let partial = soap(&app, &credit("<amount>1000</amount>")).await.text();
    assert_eq!(
        xml_text(&partial, "status").as_deref(),
        Some("OK"),
        "{partial}"
    );
    assert_eq!(xml_text(&partial, "tStatus").as_deref(), Some("CREDITED"));
    let too_much = soap(&app, &credit("<amount>2001</amount>")).await.text();
    assert_eq!(
        xml_text(&too_much, "returnCode").as_deref(),
        Some("INVALID_AMOUNT")
    );
    let rest = soap(&app, &credit("")).await.text();
    assert_eq!(xml_text(&rest, "status").as_deref(), Some("OK"));

    let refunds: Vec<_> = sandbox
        .records("payment.refund")
        .iter()
        .map(|r| r.data["amountCents"].clone())
        .collect();
    assert_eq!(refunds, [1000, 2000]);
    let parameters = xml_parameters(&status_of(&app, "<tid>order-11</tid>").await);
    assert_eq!(parameters["STATUS"], "CREDITED");
}

#[tokio::test]
async fn the_payment_page_shows_the_order_escaped_with_pay_and_decline_buttons() {
    let (_, app) = common::sandbox();
    let mpay_tid = select(&app, "order-12", "12.30", "http://127.0.0.1:9").await;
    let page = get(&app, &format!("/mpay24/pay/{mpay_tid}")).await;
    let html = page.text();
    assert_eq!(page.status, StatusCode::OK);
    assert!(html.contains("12.30 EUR"), "{html}");
    assert!(html.contains("Ski pass &amp; more"));
    assert!(html.contains(&format!(r#"action="/mpay24/pay/{mpay_tid}/confirm""#)));
    assert!(html.contains(&format!(r#"action="/mpay24/pay/{mpay_tid}/decline""#)));
    assert_eq!(
        get(&app, "/mpay24/pay/0000000000").await.status,
        StatusCode::NOT_FOUND
    );
}
