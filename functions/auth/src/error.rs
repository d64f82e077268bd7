//! The auth service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::WriteError;
use http::StatusCode;
use shared::http::{Answer, Failure, OwnError};

/// What the auth handlers fail with.
pub type AuthFailure = Failure<AuthError>;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("an account with this e-mail address exists")]
    EmailTaken,
    #[error("e-mail or password is wrong")]
    InvalidCredentials,
    #[error("the refresh token is invalid, expired or revoked")]
    InvalidRefreshToken,
    #[error("client id or secret is wrong")]
    InvalidClient,
    #[error("grant_type must be client_credentials")]
    UnsupportedGrant,
    #[error("this client may not ask for audience {0:?}")]
    AudienceNotAllowed(String),
    #[error(
        "service tokens are only issued for a service's own audience, never for the customer audience {0:?}"
    )]
    CustomerAudience(String),
    #[error("too many failed logins for this account; try again after the seconds in Retry-After")]
    TooManyAttempts(u64),
    #[error("admin bootstrap is not enabled")]
    BootstrapDisabled,
    #[error("the bootstrap secret is wrong")]
    BootstrapDenied,
    #[error("the first admin exists already; admins are made by admins")]
    AdminExists,
    #[error("the user no longer exists")]
    UserGone,
    #[error("internal failure: {0}")]
    Internal(String),
}

impl From<WriteError> for AuthFailure {
    fn from(err: WriteError) -> Self {
        match err {
            WriteError::EmailTaken => Failure::Own(AuthError::EmailTaken),
            WriteError::AdminExists => Failure::Own(AuthError::AdminExists),
            WriteError::Conflict => Failure::Own(AuthError::InvalidRefreshToken),
            WriteError::Store(store) => Failure::Store(store),
        }
    }
}

impl OwnError for AuthError {
    fn answer(&self) -> Answer {
        match self {
            Self::EmailTaken => Answer::conflict("email_taken"),
            Self::InvalidCredentials
            | Self::InvalidRefreshToken
            | Self::InvalidClient
            | Self::BootstrapDenied
            | Self::UserGone => Answer::unauthorized(),
            Self::UnsupportedGrant => {
                Answer::new(StatusCode::BAD_REQUEST, "unsupported_grant_type")
            }
            Self::AudienceNotAllowed(_) => Answer::new(StatusCode::FORBIDDEN, "forbidden"),
            Self::CustomerAudience(_) => Answer::new(StatusCode::BAD_REQUEST, "invalid_target"),
            Self::TooManyAttempts(seconds) => {
                Answer::too_many_requests("too_many_attempts", *seconds)
            }
            Self::BootstrapDisabled => Answer::not_found(),
            Self::AdminExists => Answer::conflict("admin_exists"),
            Self::Internal(_) => Answer::internal(),
        }
    }
}
