//! The auth rules: who a user is, what a valid e-mail, name and password are, and the tokens
//! we issue. No AWS or Lambda crate is imported here.

mod clients;
mod email;
mod password;
mod refresh;
mod tokens;
mod user;

pub use clients::{ServiceClient, ServiceClients};
pub use email::Email;
pub use password::{Password, PasswordHash};
pub use refresh::{FamilyId, RefreshRecord, RefreshSecret, RefreshStatus};
pub use tokens::{AccessToken, TokenIssuer};
pub use user::{DisplayName, User, UserId};

/// A rule broken by input; the message says which and how.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Invalid {
    pub field: &'static str,
    pub message: String,
}

impl Invalid {
    fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}
