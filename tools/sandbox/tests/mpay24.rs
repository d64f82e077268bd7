//! Mpay24 ETP in the sandbox: its SOAP operations, credentials, faults and errors (the
//! payment page and the callback: `mpay24_page.rs`).

mod common;

use axum::http::StatusCode;
use common::mpay24::{ENDPOINT, auth, envelope, order, select, soap, status_of};
use common::{basic, post, xml_text};

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
