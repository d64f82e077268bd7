//! What the mail rules need from Mailgun, in domain types.

use crate::domain::Mail;

pub use shared::provider::ProviderError;

/// Whether trying the same mail again later may succeed: no answer, a server error, a rate
/// limit, or refused credentials (a configuration fault that must not drop mail); any other
/// refusal is about the mail itself.
pub fn worth_retrying(err: &ProviderError) -> bool {
    match err {
        ProviderError::Status { status, .. } => {
            *status >= 500 || matches!(*status, 401 | 403 | 429)
        }
        ProviderError::Timeout | ProviderError::Unreachable(_) | ProviderError::Transport(_) => {
            true
        }
        _ => false,
    }
}

/// Mailgun's messages API.
#[trait_variant::make(Send)]
pub trait Mailer {
    /// Sends `mail`; Mailgun's id of the accepted message.
    async fn send(&self, mail: &Mail) -> Result<String, ProviderError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16) -> ProviderError {
        ProviderError::Status {
            status,
            detail: String::new(),
        }
    }

    #[test]
    fn server_errors_rate_limits_and_timeouts_are_retried_and_a_bad_address_is_not() {
        assert!(worth_retrying(&status(503)));
        assert!(worth_retrying(&status(429)));
        assert!(worth_retrying(&ProviderError::Timeout));
        assert!(!worth_retrying(&status(400)));
        assert!(!worth_retrying(&status(413)));
    }
}
