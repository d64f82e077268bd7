//! Mails to one of our users: their address and name from auth (`GET /auth/users/{id}`, a
//! service token for `auth`), then a `SendMail` on the mail queue. The message id makes the
//! mail service send it once however often it is queued.

use crate::messages::SendMail;
use crate::outbound::{Outbound, Repeat, body_capped};
use crate::queue::Queue;
use crate::service_token::ServiceTokens;
use serde::Deserialize;
use serde_json::Value;

/// The largest answer read from auth.
const MAX_ANSWER_BYTES: usize = 16 * 1024;

type Cause = Box<dyn std::error::Error + Send + Sync>;

/// A mail could not be queued: the user could not be read, or the queue refused it.
#[derive(Debug, thiserror::Error)]
#[error("the {template} mail could not be queued")]
pub struct MailError {
    pub template: String,
    #[source]
    pub source: Cause,
}

/// One mail to a user.
#[derive(Debug, Clone)]
pub struct UserMail<'a> {
    pub user_id: &'a str,
    /// Once per id: `<template>:<what it is about>`.
    pub message_id: String,
    pub template: &'a str,
    pub locale: &'a str,
    /// The template's values; the user's `name` is added.
    pub data: Value,
}

impl<'a> UserMail<'a> {
    /// The mail `template` about `subject` (an order, a keycard): its message id is
    /// `<template>:<subject>`, so the mail service sends it once however often it is queued.
    pub fn about(
        user_id: &'a str,
        template: &'a str,
        subject: impl std::fmt::Display,
        locale: &'a str,
        data: Value,
    ) -> Self {
        Self {
            user_id,
            message_id: format!("{template}:{subject}"),
            template,
            locale,
            data,
        }
    }
}

/// Queues mails to users; built once in `main`.
pub struct Mailer {
    tokens: ServiceTokens,
    outbound: Outbound,
    queue: Queue,
    api_base_url: String,
}

#[derive(Deserialize)]
struct User {
    email: String,
    name: String,
}

impl Mailer {
    /// Asks auth at `api_base_url` with `tokens` through `outbound`; queues on `queue`.
    pub fn new(
        tokens: ServiceTokens,
        outbound: Outbound,
        queue: Queue,
        api_base_url: &str,
    ) -> Self {
        Self {
            tokens,
            outbound,
            queue,
            api_base_url: api_base_url.trim_end_matches('/').to_owned(),
        }
    }

    async fn user(&self, user_id: &str) -> Result<User, Cause> {
        let mut url = reqwest::Url::parse(&format!("{}/auth/users/", self.api_base_url))?;
        url.path_segments_mut()
            .map_err(|()| "the API base URL cannot take a path")?
            .pop_if_empty()
            .push(user_id);
        let response = self
            .tokens
            .send(&self.outbound, "auth", Repeat::ByMethod, |token| {
                self.outbound
                    .client()
                    .get(url.clone())
                    .bearer_auth(token)
                    .build()
            })
            .await?;
        let status = response.status();
        let body = body_capped(response, MAX_ANSWER_BYTES).await?;
        if !status.is_success() {
            return Err(format!("auth answered {status} for user {user_id}").into());
        }
        Ok(serde_json::from_slice(&body)?)
    }

    /// Queues `mail` to its user's address, with their name in its data.
    pub async fn send(&self, mail: UserMail<'_>) -> Result<(), MailError> {
        let failed = |source: Cause| MailError {
            template: mail.template.to_owned(),
            source,
        };
        let user = self.user(mail.user_id).await.map_err(failed)?;
        let mut data = mail.data.clone();
        data["name"] = Value::String(user.name);
        let message = SendMail::V1 {
            message_id: mail.message_id.clone(),
            template: mail.template.to_owned(),
            to: user.email,
            locale: mail.locale.to_owned(),
            data,
        };
        self.queue
            .send(&message)
            .await
            .map_err(|err| failed(Box::new(err)))?;
        tracing::info!(event = "mail.queued", template = mail.template, message_id = %mail.message_id);
        Ok(())
    }
}
