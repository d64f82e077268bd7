//! The auth rules: who a user is, what a valid e-mail, name and password are, and the tokens
//! we issue. No AWS or Lambda crate is imported here.

mod attempts;
mod clients;
mod email;
mod password;
mod refresh;
mod tokens;
mod user;

pub use attempts::{AccountKey, AttemptPolicy, Attempts};
pub use clients::{ServiceClient, ServiceClients};
pub use email::Email;
pub use password::{Password, PasswordHash};
pub use refresh::{Family, FamilyId, RefreshRecord, RefreshSecret, RefreshStatus};
pub use shared::values::Invalid;
pub use tokens::{AccessToken, TokenIssuer};
pub use user::{DisplayName, User, UserId};
