//! The mail rules: which templates exist, how a message becomes a mail, and which values are
//! escaped where.

mod mail;
mod template;

pub use mail::{Attachment, Mail, MailError as Unsendable};
pub use template::{RenderError, Rendered, Template, escape_html};
