//! The mail service: `mail-sender` consumes the `mail` queue's `SendMail { message_id,
//! template, to, locale, data }` (`shared::messages`), renders the template in the locale
//! (`de` or `en`, falling back to `en`) from `templates/`, and sends it through Mailgun with
//! `o:tag` = the template and `v:message_id` = the message id.
//!
//! Each message id is sent once however often it arrives: a claim with a lease in the mail
//! table (`shared::idempotency`) is completed after Mailgun accepted the mail. Mailgun's 5xx,
//! 429, 401, 403 and timeouts release the claim and fail the record, so SQS delivers it again
//! (and after `maxReceiveCount` deliveries moves it to the dead-letter queue). Any other 4xx
//! (a bad address, refused content), a template that cannot be rendered and a message id reused
//! for another message are logged as errors with the message id (Slack sees them) and the
//! message is settled: retrying cannot help. Attachments travel by reference
//! (`data.attachments` = `[{filename, url}]`, see `domain::mail`) and are fetched when sent.

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
