//! The mail service's adapter, Mailgun; and the `App` as deployed.

mod deployed;
mod mailgun;
mod multipart;

pub use deployed::{Deployed, deployed};
pub use mailgun::{MailgunClient, MailgunConfig};
