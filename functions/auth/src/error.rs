//! The auth service's own errors and their one mapping to HTTP; the common failures
//! (invalid input, a refused request, the store) are `shared::http::Failure`'s.

use crate::ports::WriteError;
use http::StatusCode;
use shared::http::{ApiError, Failure, OwnError};

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

impl OwnError for AuthError {}

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

impl From<AuthError> for ApiError {
    fn from(err: AuthError) -> Self {
        let message = err.to_string();
        match err {
            AuthError::EmailTaken => ApiError::conflict("email_taken", message),
            AuthError::InvalidCredentials
            | AuthError::InvalidRefreshToken
            | AuthError::InvalidClient
            | AuthError::BootstrapDenied
            | AuthError::UserGone => ApiError::unauthorized(message),
            AuthError::UnsupportedGrant => ApiError::bad_request("unsupported_grant_type", message),
            AuthError::AudienceNotAllowed(_) => ApiError::forbidden(message),
            AuthError::CustomerAudience(_) => ApiError::bad_request("invalid_target", message),
            AuthError::TooManyAttempts(seconds) => {
                ApiError::too_many_requests("too_many_attempts", message, seconds)
            }
            AuthError::BootstrapDisabled => ApiError::not_found(message),
            AuthError::AdminExists => ApiError::conflict("admin_exists", message),
            AuthError::Internal(_) => ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal error",
            )
            .with_cause(std::io::Error::other(message)),
        }
    }
}
