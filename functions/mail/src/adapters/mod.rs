//! The mail service's adapter: Mailgun.

mod mailgun;
mod multipart;

pub use mailgun::{MailgunClient, MailgunConfig};
