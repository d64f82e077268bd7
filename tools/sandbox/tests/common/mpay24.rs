//! Mpay24's ETP as our adapter speaks it: SOAP envelopes with the sandbox merchant's
//! credentials, and a merchant server that takes the confirmation callback.

use super::{Answer, basic, post, xml_text};
use axum::Router;
use axum::http::StatusCode;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const ENDPOINT: &str = "/mpay24/app/bin/etpproxy_v15";

pub fn auth() -> String {
    basic("u99999", "sandbox-mpay24-password")
}

pub fn envelope(operation: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:etp="https://www.mpay24.com/soap/etp/1.5/ETP.wsdl">
<soapenv:Body>{operation}</soapenv:Body></soapenv:Envelope>"#
    )
}

pub fn order(tid: &str, price: &str, base: &str) -> String {
    format!(
        "<Order><Tid>{tid}</Tid><ShoppingCart><Description>Ski pass &amp; more</Description></ShoppingCart>\
         <Price>{price}</Price><Currency>EUR</Currency><URL><Success>{base}/shop/success</Success>\
         <Error>{base}/shop/error</Error><Confirmation>{base}/payments/confirmation?shop=starjack</Confirmation></URL></Order>"
    )
}

pub async fn soap(app: &Router, operation: &str) -> Answer {
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
pub async fn select(app: &Router, tid: &str, price: &str, base: &str) -> String {
    let operation = format!(
        "<etp:SelectPayment><merchantID>99999</merchantID><mdxi>{}</mdxi></etp:SelectPayment>",
        order(tid, price, base)
    );
    let answer = soap(app, &operation).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    xml_text(&answer.text(), "mpayTID").expect("mpayTID")
}

pub async fn status_of(app: &Router, by: &str) -> String {
    soap(
        app,
        &format!(
            "<etp:TransactionStatus><merchantID>99999</merchantID>{by}</etp:TransactionStatus>"
        ),
    )
    .await
    .text()
}

pub async fn merchant() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/payments/confirmation"))
        .respond_with(ResponseTemplate::new(200).set_body_string("OK"))
        .mount(&server)
        .await;
    server
}
