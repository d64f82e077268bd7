//! The keycards service's adapters: DynamoDB, the card supplier, and the mail queue with the
//! customer's address from auth.

mod deployed;
mod dynamo;
mod notifier;
mod supplier;

pub use deployed::{Deployed, deployed};
pub use notifier::MailNotifier;
pub use supplier::SupplierClient;
