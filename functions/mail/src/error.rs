//! The mail service's errors: what fails a queue record, so SQS delivers it again.

use crate::ports::ProviderError;
use shared::idempotency::IdempotencyError;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The claim store failed, or another delivery of the message is in progress.
    #[error("claiming the message failed")]
    Claims(#[from] IdempotencyError),
    /// Mailgun failed in a way worth another try.
    #[error("Mailgun {0}")]
    Mailgun(#[source] ProviderError),
}
