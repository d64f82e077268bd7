//! The Axess stand-in: SOAP login, tariffs, tickets issued and cancelled, sessions that
//! expire, error numbers and Faults.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use sandbox::Sandbox;
use serde_json::json;
use tower::ServiceExt;

fn envelope(operation: &str, inner: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dci="urn:axess:dci4wtp"><soap:Body><dci:{operation}>{inner}</dci:{operation}></soap:Body></soap:Envelope>"#
    )
}

async fn call(sandbox: &Sandbox, body: String) -> (StatusCode, String) {
    let request = Request::builder()
        .method("POST")
        .uri("/axess")
        .header("content-type", "text/xml; charset=utf-8")
        .body(Body::from(body))
        .expect("test plumbing");
    let response = sandbox::app(sandbox.clone())
        .oneshot(request)
        .await
        .expect("test plumbing");
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("test plumbing");
    (
        status,
        String::from_utf8(bytes.to_vec()).expect("test plumbing"),
    )
}

fn between<'a>(text: &'a str, tag: &str) -> &'a str {
    let start = text
        .find(&format!("<{tag}>"))
        .map(|i| i + tag.len() + 2)
        .unwrap_or(0);
    let end = text[start..]
        .find(&format!("</{tag}>"))
        .map(|i| start + i)
        .unwrap_or(start);
    &text[start..end]
}

async fn login(sandbox: &Sandbox) -> String {
    let (status, answer) = call(
        sandbox,
        envelope(
            "login",
            "<SZUSERNAME>starjack</SZUSERNAME><SZPASSWORD>sandbox-axess</SZPASSWORD>",
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(between(&answer, "NERRORNO"), "0", "{answer}");
    between(&answer, "NSESSIONID").to_owned()
}

fn product(ticket: u32, person: u32) -> String {
    format!(
        "<CTPRODUCT><NPOOLNO>1</NPOOLNO><NTICKETTYPENO>{ticket}</NTICKETTYPENO><NPERSONTYPNO>{person}</NPERSONTYPNO><SZVALIDFROM>2026-12-24</SZVALIDFROM></CTPRODUCT>"
    )
}

fn issue(session: &str, chip: &str) -> String {
    envelope(
        "issueTicket",
        &format!(
            "<NSESSIONID>{session}</NSESSIONID><NPOSNO>12</NPOSNO>{}<CTCHIP><SZCHIPID>{chip}</SZCHIPID><SZSERIALNO>12-3</SZSERIALNO><SZLUHNNO>4012</SZLUHNNO></CTCHIP><SZEXTORDERNO>ord-1</SZEXTORDERNO>",
            product(10, 1)
        ),
    )
}

#[tokio::test]
async fn a_wrong_password_is_refused_with_an_error_number() {
    let (status, answer) = call(
        &Sandbox::default(),
        envelope(
            "login",
            "<SZUSERNAME>starjack</SZUSERNAME><SZPASSWORD>guess</SZPASSWORD>",
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(between(&answer, "NERRORNO"), "5");
    assert!(answer.contains("loginResponse"));
}

#[tokio::test]
async fn a_tariff_is_priced_in_a_session() {
    let sandbox = Sandbox::default();
    let session = login(&sandbox).await;
    let (_, answer) = call(
        &sandbox,
        envelope(
            "getTariff",
            &format!("<NSESSIONID>{session}</NSESSIONID>{}", product(10, 2)),
        ),
    )
    .await;
    assert_eq!(between(&answer, "FTARIFF"), "27.00");
    assert_eq!(between(&answer, "SZPERSONTYPENAME"), "Child");
    let (_, none) = call(
        &sandbox,
        envelope(
            "getTariff",
            &format!("<NSESSIONID>{session}</NSESSIONID>{}", product(99, 1)),
        ),
    )
    .await;
    assert_eq!(between(&none, "NERRORNO"), "301");
}

#[tokio::test]
async fn a_session_expires_after_the_configured_number_of_calls() {
    let sandbox = Sandbox::default();
    sandbox.put("axess", "config", json!({"session_calls": 1}));
    let session = login(&sandbox).await;
    let tariff = envelope(
        "getTariff",
        &format!("<NSESSIONID>{session}</NSESSIONID>{}", product(10, 1)),
    );
    assert_eq!(
        between(&call(&sandbox, tariff.clone()).await.1, "NERRORNO"),
        "0"
    );
    assert_eq!(between(&call(&sandbox, tariff).await.1, "NERRORNO"), "102");
    let (_, unknown) = call(
        &sandbox,
        envelope(
            "getTariff",
            &format!("<NSESSIONID>1</NSESSIONID>{}", product(10, 1)),
        ),
    )
    .await;
    assert_eq!(between(&unknown, "NERRORNO"), "102");
}

#[tokio::test]
async fn a_ticket_is_issued_recorded_and_cancelled_once() {
    let sandbox = Sandbox::default();
    let session = login(&sandbox).await;
    let (_, issued) = call(&sandbox, issue(&session, "E0040150")).await;
    assert_eq!(between(&issued, "NERRORNO"), "0", "{issued}");
    let serial = between(&issued, "NSERIALNO").to_owned();
    assert_eq!(between(&issued, "NPROJECTNO"), "4711");
    let records = sandbox.records("axess.ticket");
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].data["chipId"], "E0040150");
    let cancel = envelope(
        "cancelTicket",
        &format!(
            "<NSESSIONID>{session}</NSESSIONID><NPROJECTNO>4711</NPROJECTNO><NPOSNO>12</NPOSNO><NSERIALNO>{serial}</NSERIALNO>"
        ),
    );
    assert_eq!(
        between(&call(&sandbox, cancel.clone()).await.1, "NERRORNO"),
        "0"
    );
    assert_eq!(between(&call(&sandbox, cancel).await.1, "NERRORNO"), "409");
}

#[tokio::test]
async fn blocked_chips_are_refused_and_faulty_ones_get_a_soap_fault() {
    let sandbox = Sandbox::default();
    let session = login(&sandbox).await;
    let (_, blocked) = call(&sandbox, issue(&session, "BLOCKED-1")).await;
    assert_eq!(between(&blocked, "NERRORNO"), "410");
    let (status, faulted) = call(&sandbox, issue(&session, "FAULT-1")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(faulted.contains("<soap:Fault>"));
    assert!(sandbox.records("axess.ticket").is_empty());
}

#[tokio::test]
async fn doctypes_and_broken_envelopes_get_a_client_fault() {
    let sandbox = Sandbox::default();
    for body in [
        "<!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>".to_owned(),
        "<soap:Envelope>".to_owned(),
        "plain text".to_owned(),
    ] {
        let (status, answer) = call(&sandbox, body).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(answer.contains("soap:Client"), "{answer}");
    }
}
