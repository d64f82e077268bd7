//! The supplier's status events: the signature matrix (every failure a bare 401 that changes
//! nothing), replays and late events answered 2xx without moving a keycard backwards, and the
//! steps that send mails.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Keycards, SECRET, event, now, order, summary};
use keycards::domain::Signature;
use shared::testing::function::customer;

async fn ordered(keycards: &Keycards) -> String {
    keycards.supplier_accepts_orders().await;
    let created = keycards
        .call("create", Some(&order()), Some(&customer("user-1")))
        .await;
    assert_eq!(created.body["status"], "ordered");
    keycards.mails().await;
    created.body["keycard_id"].as_str().unwrap().to_owned()
}

async fn status(keycards: &Keycards, id: &str) -> serde_json::Value {
    keycards.read(id, &customer("user-1")).await.body["status"].clone()
}

#[tokio::test]
async fn every_signature_failure_is_a_bare_401_that_changes_nothing() {
    let keycards = Keycards::start().await;
    let id = ordered(&keycards).await;
    let body = event(&id, "PRODUCED");
    let sign = |secret: &str, at: i64, text: &str| {
        (
            at.to_string(),
            Signature::new(secret).sign(&at.to_string(), text.as_bytes()),
        )
    };
    let (at, wrong_secret) = sign("not-the-secret", now(), &body);
    let (stale_at, stale) = sign(SECRET, now() - 301, &body);
    let (future_at, future) = sign(SECRET, now() + 301, &body);
    let (signed_at, signed) = sign(SECRET, now(), &event(&id, "IN_PRODUCTION"));
    let shifted = (now() - 10).to_string();
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "wrong secret",
            vec![
                ("x-timestamp", at.as_str()),
                ("x-signature", wrong_secret.as_str()),
            ],
        ),
        (
            "stale timestamp",
            vec![
                ("x-timestamp", stale_at.as_str()),
                ("x-signature", stale.as_str()),
            ],
        ),
        (
            "future timestamp",
            vec![
                ("x-timestamp", future_at.as_str()),
                ("x-signature", future.as_str()),
            ],
        ),
        (
            "body changed after signing",
            vec![
                ("x-timestamp", signed_at.as_str()),
                ("x-signature", signed.as_str()),
            ],
        ),
        (
            "timestamp changed after signing",
            vec![
                ("x-timestamp", shifted.as_str()),
                ("x-signature", signed.as_str()),
            ],
        ),
        ("no headers", vec![]),
        ("no signature", vec![("x-timestamp", at.as_str())]),
        ("no timestamp", vec![("x-signature", signed.as_str())]),
        (
            "not hex",
            vec![("x-timestamp", at.as_str()), ("x-signature", "sha256=zz")],
        ),
    ];
    for (case, headers) in cases {
        let answer = keycards.webhook_with(&body, &headers).await;
        assert_eq!(answer.status, 401, "{case}");
        assert_eq!(
            answer.body["error"]["message"], "the event's signature is not valid",
            "{case}: the answer does not say which check failed"
        );
    }
    assert_eq!(status(&keycards, &id).await, "ordered");
    assert!(keycards.mails().await.is_empty());
}

#[tokio::test]
async fn a_produced_event_adds_the_chip_and_a_replay_changes_nothing() {
    let keycards = Keycards::start().await;
    let id = ordered(&keycards).await;
    let body = event(&id, "PRODUCED");
    let at = now().to_string();
    let signature = Signature::new(SECRET).sign(&at, body.as_bytes());
    let headers = [
        ("x-timestamp", at.as_str()),
        ("x-signature", signature.as_str()),
    ];
    let first = keycards.webhook_with(&body, &headers).await;
    first.assert_status(204);
    let produced = keycards.read(&id, &customer("user-1")).await.body;
    assert_eq!(produced["status"], "produced");
    assert_eq!(produced["chip"]["serial_number"], "204815973640");
    let replay = keycards.webhook_with(&body, &headers).await;
    replay.assert_status(204);
    assert_eq!(keycards.read(&id, &customer("user-1")).await.body, produced);
}

#[tokio::test]
async fn a_late_event_never_moves_a_keycard_backwards() {
    let keycards = Keycards::start().await;
    let id = ordered(&keycards).await;
    keycards.webhook(&id, "PRODUCED").await.assert_status(204);
    let late = keycards.webhook(&id, "IN_PRODUCTION").await;
    late.assert_status(204);
    let received_late = keycards.webhook(&id, "RECEIVED").await;
    received_late.assert_status(204);
    assert_eq!(status(&keycards, &id).await, "produced");
}

#[tokio::test]
async fn shipping_sends_the_shipped_mail_once_with_the_serial_number() {
    let keycards = Keycards::start().await;
    let id = ordered(&keycards).await;
    keycards.webhook(&id, "SHIPPED").await.assert_status(204);
    keycards.webhook(&id, "SHIPPED").await.assert_status(204);
    keycards.webhook(&id, "FAILED").await.assert_status(204);
    let read = keycards.read(&id, &customer("user-1")).await.body;
    assert_eq!(read["status"], "shipped");
    assert_eq!(read["chip"]["chip_id"], "E004A1B2C3D4E5F6");
    let mails = keycards.mails().await;
    assert_eq!(
        summary(&mails),
        vec![("keycard-shipped".to_owned(), "anna@example.com".to_owned())]
    );
    let shared::messages::SendMail::V1 {
        message_id, data, ..
    } = &mails[0];
    assert_eq!(message_id, &format!("keycard-shipped:{id}"));
    assert_eq!(data["serial_number"], "204815973640");
}

#[tokio::test]
async fn an_event_about_no_keycard_of_ours_is_acknowledged_and_a_malformed_one_is_a_400() {
    let keycards = Keycards::start().await;
    let unknown = keycards
        .webhook("kc-00000000000000000000000000000000", "PRODUCED")
        .await;
    unknown.assert_status(204);
    let body = r#"{"cardOrderId": "KC-1", "status": "LOST"}"#;
    let at = now().to_string();
    let signature = Signature::new(SECRET).sign(&at, body.as_bytes());
    let malformed = keycards
        .webhook_with(
            body,
            &[
                ("x-timestamp", at.as_str()),
                ("x-signature", signature.as_str()),
            ],
        )
        .await;
    malformed.assert_status(400);
}
