//! Mailgun: messages as URL-encoded or multipart form fields, Basic `api:KEY`.

mod common;

use axum::http::StatusCode;
use common::{basic, post};

const MESSAGES: &str = "/mailgun/v3/mg.starjack.test/messages";

fn auth() -> String {
    basic("api", "sandbox-mailgun-key")
}

async fn send_form(app: &axum::Router, fields: &[(&str, &str)]) -> common::Answer {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let auth = auth();
    post(
        app,
        MESSAGES,
        "application/x-www-form-urlencoded",
        body,
        &[("authorization", &auth)],
    )
    .await
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const WELCOME: [(&str, &str); 8] = [
    ("from", "Starjack <noreply@starjack.test>"),
    ("to", "anna@example.com"),
    ("to", "ben@example.com"),
    ("subject", "Your tickets"),
    ("text", "Have fun!"),
    ("html", "<p>Have <b>fun</b>!</p>"),
    ("o:tag", "order-confirmation"),
    ("v:message-id", "msg-1"),
];

#[tokio::test]
async fn a_form_message_is_queued_and_recorded_as_mail() {
    let (sandbox, app) = common::sandbox();
    let answer = send_form(&app, &WELCOME).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let body = answer.json();
    assert_eq!(body["message"], "Queued. Thank you.");
    let id = body["id"].as_str().expect("id");
    assert!(
        id.starts_with('<') && id.ends_with("@mg.starjack.test>"),
        "{id}"
    );
    let mail = &sandbox.records("mail")[0].data;
    assert_eq!(mail["id"], id);
    assert_eq!(
        mail["to"],
        serde_json::json!(["anna@example.com", "ben@example.com"])
    );
    assert_eq!(mail["subject"], "Your tickets");
    assert_eq!(mail["html"], "<p>Have <b>fun</b>!</p>");
    assert_eq!(mail["tags"], serde_json::json!(["order-confirmation"]));
    assert_eq!(mail["variables"]["message-id"], "msg-1");
}

#[tokio::test]
async fn the_same_message_gets_the_same_id() {
    let (_, first) = common::sandbox();
    let (_, second) = common::sandbox();
    let a = send_form(&first, &WELCOME).await.json()["id"].clone();
    let b = send_form(&second, &WELCOME).await.json()["id"].clone();
    assert_eq!(a, b);
    let mut other = WELCOME;
    other[3] = ("subject", "Your invoice");
    assert_ne!(send_form(&second, &other).await.json()["id"], a);
}

#[tokio::test]
async fn a_multipart_message_is_queued_with_its_attachment_noted() {
    let (sandbox, app) = common::sandbox();
    let boundary = "XyZ";
    let part = |name: &str, value: &str| {
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
    };
    let body = [
        part("from", "noreply@starjack.test"),
        part("to", "anna@example.com"),
        part("subject", "Invoice 2025-0001"),
        part("text", "Attached."),
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"invoice.pdf\"\r\n\
             Content-Type: application/pdf\r\n\r\n%PDF-1.4 fake\r\n--{boundary}--\r\n"
        ),
    ]
    .concat();
    let auth = auth();
    let answer = post(
        &app,
        MESSAGES,
        &format!("multipart/form-data; boundary={boundary}"),
        body,
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let mail = &sandbox.records("mail")[0].data;
    assert_eq!(mail["subject"], "Invoice 2025-0001");
    assert_eq!(mail["attachments"][0]["filename"], "invoice.pdf");
    assert_eq!(mail["attachments"][0]["size"], 13);
}

#[tokio::test]
async fn a_wrong_or_missing_key_is_a_401() {
    let (sandbox, app) = common::sandbox();
    let wrong = basic("api", "key-guess");
    let body = "from=a%40b.c&to=d%40e.f&subject=x&text=y";
    let answer = post(
        &app,
        MESSAGES,
        "application/x-www-form-urlencoded",
        body,
        &[("authorization", &wrong)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    let answer = post(
        &app,
        MESSAGES,
        "application/x-www-form-urlencoded",
        body,
        &[],
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert!(sandbox.records("mail").is_empty());
}

#[tokio::test]
async fn a_message_missing_a_required_field_is_a_400_naming_it() {
    let (sandbox, app) = common::sandbox();
    for (missing, message) in [
        ("from", "'from' parameter is missing"),
        ("to", "'to' parameter is missing"),
        ("subject", "'subject' parameter is missing"),
    ] {
        let fields: Vec<_> = WELCOME
            .iter()
            .copied()
            .filter(|(k, _)| *k != missing)
            .collect();
        let answer = send_form(&app, &fields).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{missing}");
        assert_eq!(answer.json()["message"], message);
    }
    let no_body = [("from", "a@b.c"), ("to", "d@e.f"), ("subject", "x")];
    let answer = send_form(&app, &no_body).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer.json()["message"]
            .as_str()
            .is_some_and(|m| m.contains("'text'"))
    );
    assert!(sandbox.records("mail").is_empty());
}

#[tokio::test]
async fn a_json_body_is_a_400() {
    let (_, app) = common::sandbox();
    let auth = auth();
    let answer = post(
        &app,
        MESSAGES,
        "application/json",
        r#"{"to":"a@b.c"}"#,
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.json()["message"].is_string());
}
