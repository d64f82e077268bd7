//! The Mailgun adapter against the local sandbox's Mailgun: the mail arrives as recorded.
#![allow(clippy::unwrap_used)]

mod common;

use common::shipped;

#[tokio::test]
async fn the_sandbox_records_the_mail_with_its_tag_and_message_id() {
    let base = sandbox::spawn(sandbox::Sandbox::default()).await.unwrap();
    let app = common::app(&format!("{base}/mailgun"), "sandbox-mailgun-key").await;
    app.handle(shipped(7)).await.unwrap();
    let records: serde_json::Value = reqwest::get(format!("{base}/_sandbox/records?kind=mail"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mail = &records[0]["data"];
    assert_eq!(mail["to"], serde_json::json!(["anna@example.com"]));
    assert_eq!(mail["tags"], serde_json::json!(["keycard-shipped"]));
    assert_eq!(mail["variables"]["message_id"], "keycard-shipped:kc-7");
}

#[tokio::test]
async fn an_attachment_is_fetched_from_its_url_and_arrives_at_the_sandbox_as_a_file() {
    let documents = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::path("/invoices/2026-1.pdf"))
        .respond_with(
            wiremock::ResponseTemplate::new(200).set_body_bytes(b"%PDF-1.7 invoice".to_vec()),
        )
        .mount(&documents)
        .await;
    let base = sandbox::spawn(sandbox::Sandbox::default()).await.unwrap();
    let app = common::app(&format!("{base}/mailgun"), "sandbox-mailgun-key").await;
    let shared::messages::SendMail::V1 {
        message_id,
        template,
        to,
        locale,
        mut data,
    } = shipped(8);
    data["attachments"] = serde_json::json!([
        {"filename": "invoice-2026-1.pdf", "url": format!("{}/invoices/2026-1.pdf", documents.uri())}
    ]);
    let message = shared::messages::SendMail::V1 {
        message_id,
        template,
        to,
        locale,
        data,
    };
    app.handle(message).await.unwrap();
    let records: serde_json::Value = reqwest::get(format!("{base}/_sandbox/records?kind=mail"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mail = &records[0]["data"];
    assert_eq!(
        mail["attachments"],
        serde_json::json!([{"field": "attachment", "filename": "invoice-2026-1.pdf", "size": 16}])
    );
    assert_eq!(mail["tags"], serde_json::json!(["keycard-shipped"]));
}
