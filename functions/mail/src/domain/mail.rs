//! A mail ready for Mailgun, made from a `SendMail` message.
//!
//! Attachments travel by reference, never inside the message (SQS messages stay under
//! 256 KB): `data.attachments` = `[{"filename", "url"}]`, each URL HTTPS (a pre-signed S3 URL
//! for an invoice) or plain HTTP on the loopback (the local system); the sender fetches them.

use super::{RenderError, Rendered, Template};
use shared::messages::SendMail;

/// Why a message can never be sent; retrying does not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("the recipient is not an e-mail address")]
    BadRecipient,
    #[error("data.attachments must be a list of {{filename, url}} with HTTPS URLs: {0}")]
    Attachments(String),
}

/// A file to fetch and attach.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Attachment {
    pub filename: String,
    pub url: String,
}

impl Attachment {
    fn check(&self) -> Result<(), MailError> {
        let name_ok = !self.filename.is_empty()
            && self.filename.chars().count() <= 100
            && !self
                .filename
                .chars()
                .any(|c| c.is_control() || matches!(c, '"' | '/' | '\\'));
        if !name_ok {
            return Err(MailError::Attachments(format!(
                "bad filename {:?}",
                self.filename
            )));
        }
        let loopback = [
            "http://127.0.0.1:",
            "http://127.0.0.1/",
            "http://localhost:",
        ];
        if !(self.url.starts_with("https://") || loopback.iter().any(|p| self.url.starts_with(p))) {
            return Err(MailError::Attachments(format!(
                "{} is not an HTTPS URL",
                self.filename
            )));
        }
        Ok(())
    }
}

/// One mail to one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub message_id: String,
    pub to: String,
    /// The template's name, Mailgun's `o:tag`.
    pub tag: String,
    pub content: Rendered,
    pub attachments: Vec<Attachment>,
}

fn is_address(to: &str) -> bool {
    let Some((local, domain)) = to.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && to.len() <= 254
        && !to
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == ',')
}

impl Mail {
    /// Renders `message`'s template in its locale.
    pub fn from_message(message: &SendMail) -> Result<Self, MailError> {
        let SendMail::V1 {
            message_id,
            template,
            to,
            locale,
            data,
        } = message;
        if !is_address(to.trim()) {
            return Err(MailError::BadRecipient);
        }
        let attachments: Vec<Attachment> = match data.get("attachments") {
            Some(list) => serde_json::from_value(list.clone())
                .map_err(|err| MailError::Attachments(err.to_string()))?,
            None => Vec::new(),
        };
        for attachment in &attachments {
            attachment.check()?;
        }
        let template = Template::find(template, locale)?;
        Ok(Self {
            message_id: message_id.clone(),
            to: to.trim().to_owned(),
            tag: template.name.to_owned(),
            content: template.render(data)?,
            attachments,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message(to: &str, data: serde_json::Value) -> SendMail {
        SendMail::V1 {
            message_id: "m-1".into(),
            template: "keycard-ordered".into(),
            to: to.into(),
            locale: "de".into(),
            data,
        }
    }

    #[test]
    fn a_message_becomes_a_mail_tagged_with_its_template() {
        let data = json!({"name": "Anna", "holder_name": "Anna", "keycard_id": "kc-1"});
        let mail = Mail::from_message(&message("anna@example.com", data)).unwrap();
        assert_eq!(mail.tag, "keycard-ordered");
        assert!(mail.content.subject.starts_with("Ihre Starjack-Keycard"));
    }

    #[test]
    fn attachments_are_references_to_https_urls_with_plain_file_names() {
        let mut data = json!({"name": "Anna", "holder_name": "Anna", "keycard_id": "kc-1",
            "attachments": [{"filename": "invoice-2026-1.pdf", "url": "https://s3.example/i.pdf?X-Amz-Signature=1"}]});
        let mail = Mail::from_message(&message("anna@example.com", data.clone())).unwrap();
        assert_eq!(mail.attachments[0].filename, "invoice-2026-1.pdf");
        data["attachments"][0]["url"] = json!("http://169.254.169.254/latest/meta-data");
        assert!(Mail::from_message(&message("anna@example.com", data.clone())).is_err());
        data["attachments"][0] = json!({"filename": "../x\"", "url": "https://s3.example/i.pdf"});
        assert!(Mail::from_message(&message("anna@example.com", data)).is_err());
    }

    #[test]
    fn several_recipients_or_none_are_refused() {
        let data = json!({"name": "Anna", "holder_name": "Anna", "keycard_id": "kc-1"});
        for to in [
            "a@example.com, b@example.com",
            "anna",
            "anna@example.com\nBcc: x@y.z",
        ] {
            assert_eq!(
                Mail::from_message(&message(to, data.clone())),
                Err(MailError::BadRecipient),
                "{to}"
            );
        }
    }
}
