//! Access tokens: the claims auth issues, and their verification by every service.
//!
//! Access tokens are RS256 JWTs with `typ` = [`ACCESS_TOKEN_TYPE`], a `kid` naming one key of
//! the JWKS that auth publishes, and the claims of [`Claims`].

mod caller;
mod verifier;

pub use caller::{Caller, Role};
pub use verifier::{TokenError, TokenVerifier, VerifierConfigError};

use serde::{Deserialize, Serialize};

/// The JOSE `typ` of access tokens (RFC 9068), so that no other token passes as one.
pub const ACCESS_TOKEN_TYPE: &str = "at+jwt";

/// The audience of customer and admin tokens, accepted by every service.
pub const API_AUDIENCE: &str = "starjack-api";

/// Tokens in an `Authorization` header longer than this are refused before decoding.
pub const MAX_TOKEN_BYTES: usize = 8 * 1024;

/// Clock skew tolerated on `exp` and `nbf`, in seconds.
pub const LEEWAY_SECONDS: u64 = 30;

/// The claims of an access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub sub: String,
    pub aud: String,
    pub exp: u64,
    pub iat: u64,
    pub nbf: u64,
    pub jti: String,
    #[serde(default)]
    pub roles: Vec<Role>,
}

#[cfg(test)]
mod tests;
