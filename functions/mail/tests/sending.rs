//! Sending the mail queue's messages: once per message id, Mailgun's failures retried or
//! settled, the message's values escaped.
#![allow(clippy::unwrap_used)]

mod common;

use aws_lambda_events::sqs::{SqsEvent, SqsMessage};
use common::{MailFn, shipped};
use mail::error::MailError;
use shared::messages::SendMail;
use shared::testing::stubs;
use wiremock::matchers::{basic_auth, method, path};
use wiremock::{Mock, ResponseTemplate};

fn accepted() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(
        serde_json::json!({"id": "<1@mg.starjack.test>", "message": "Queued. Thank you."}),
    )
}

/// A queue event with `messages` as its records, as Lambda delivers it.
fn batch(messages: &[SendMail]) -> SqsEvent {
    let mut event = shared::testing::events::load("mail/send-mail.json");
    let template = event["Records"][0].clone();
    let records: Vec<_> = messages
        .iter()
        .enumerate()
        .map(|(n, message)| {
            let mut record = template.clone();
            record["messageId"] = format!("m-{n}").into();
            record["body"] = serde_json::to_string(message).unwrap().into();
            record
        })
        .collect();
    event["Records"] = records.into();
    serde_json::from_value(event).unwrap()
}

async fn deliver(mail: &MailFn, messages: &[SendMail]) -> Vec<String> {
    let handle = |message: SendMail, _: &SqsMessage| mail.app.handle(message);
    shared::sqs::process_batch(batch(messages), &handle)
        .await
        .batch_item_failures
        .into_iter()
        .map(|failure| failure.item_identifier)
        .collect()
}

#[tokio::test]
async fn a_send_mail_delivered_twice_is_sent_once_rendered_tagged_and_escaped() {
    let mail = MailFn::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/mg.starjack.test/messages"))
        .and(basic_auth("api", "mailgun-key"))
        .respond_with(accepted())
        .mount(&mail.mailgun)
        .await;
    assert!(deliver(&mail, &[shipped(1)]).await.is_empty());
    assert!(deliver(&mail, &[shipped(1)]).await.is_empty());
    let sent = mail.sent().await;
    assert_eq!(sent.len(), 1);
    let form = &sent[0];
    assert_eq!(form["to"], "anna@example.com");
    assert_eq!(form["from"], "Starjack <noreply@mg.starjack.test>");
    assert_eq!(form["o:tag"], "keycard-shipped");
    assert_eq!(form["v:message_id"], "keycard-shipped:kc-1");
    assert!(form["subject"].starts_with("Ihre Starjack-Keycard"));
    assert!(form["html"].contains("Anna &lt;b&gt;Muster&lt;/b&gt;"));
    assert!(form["text"].contains("204815973640"));
}

#[tokio::test]
async fn a_mailgun_5xx_hands_the_message_back_and_its_next_delivery_sends_it() {
    let mail = MailFn::start().await;
    stubs::fails_once(&mail.mailgun, "POST", 503).await;
    Mock::given(method("POST"))
        .respond_with(accepted())
        .mount(&mail.mailgun)
        .await;
    assert_eq!(deliver(&mail, &[shipped(1), shipped(2)]).await, vec!["m-0"]);
    assert_eq!(mail.sent().await.len(), 2);
    assert!(deliver(&mail, &[shipped(1)]).await.is_empty());
    assert!(deliver(&mail, &[shipped(1), shipped(2)]).await.is_empty());
    assert_eq!(mail.sent().await.len(), 3, "each mail was accepted once");
}

#[tokio::test]
async fn a_rate_limit_and_a_timeout_are_retried_too() {
    let mail = MailFn::start().await;
    stubs::fails_once(&mail.mailgun, "POST", 429).await;
    Mock::given(method("POST"))
        .respond_with(accepted().set_delay(std::time::Duration::from_secs(3)))
        .up_to_n_times(1)
        .mount(&mail.mailgun)
        .await;
    assert!(matches!(
        mail.app.handle(shipped(1)).await,
        Err(MailError::Mailgun(_))
    ));
    assert!(matches!(
        mail.app.handle(shipped(1)).await,
        Err(MailError::Mailgun(_))
    ));
}

#[tokio::test]
async fn a_mailgun_4xx_is_settled_and_not_retried_for_ever() {
    let mail = MailFn::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(400).set_body_json(
                serde_json::json!({"message": "'to' parameter is not a valid address"}),
            ),
        )
        .mount(&mail.mailgun)
        .await;
    assert!(deliver(&mail, &[shipped(1)]).await.is_empty(), "settled");
    assert!(deliver(&mail, &[shipped(1)]).await.is_empty());
    assert_eq!(mail.sent().await.len(), 1, "not sent again");
}

#[tokio::test]
async fn a_message_that_cannot_be_rendered_is_settled_without_calling_mailgun() {
    let mail = MailFn::start().await;
    let SendMail::V1 {
        message_id,
        to,
        locale,
        ..
    } = shipped(1);
    let unknown = SendMail::V1 {
        message_id,
        template: "no-such-template".into(),
        to,
        locale,
        data: serde_json::json!({}),
    };
    assert!(deliver(&mail, &[unknown]).await.is_empty());
    assert!(mail.sent().await.is_empty());
}
