//! A call to another of our services with a service token, renewed once when refused.

use super::{ServiceTokenError, ServiceTokens};
use crate::outbound::{Outbound, Repeat};
use http::StatusCode;
use reqwest::{Request, Response};

/// Why a call to another service got no answer.
#[derive(Debug, thiserror::Error)]
pub enum ServiceCallError {
    #[error(transparent)]
    Token(#[from] ServiceTokenError),
    #[error("calling the service failed")]
    Transport(#[source] reqwest::Error),
}

impl ServiceTokens {
    /// Sends the request `build` makes with a token for `audience`; if the receiver answers
    /// 401 (a token revoked or signed with a retired key), once more with a fresh token.
    pub async fn send(
        &self,
        outbound: &Outbound,
        audience: &str,
        repeat: Repeat,
        build: impl Fn(&str) -> Result<Request, reqwest::Error>,
    ) -> Result<Response, ServiceCallError> {
        let mut renewed = false;
        loop {
            let token = self.token(audience).await?;
            let request = build(&token).map_err(ServiceCallError::Transport)?;
            let response = outbound
                .send(request, repeat)
                .await
                .map_err(ServiceCallError::Transport)?;
            if response.status() == StatusCode::UNAUTHORIZED && !renewed {
                renewed = true;
                self.invalidate(audience).await;
                continue;
            }
            return Ok(response);
        }
    }
}
