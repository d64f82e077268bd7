//! HTTP routes of the auth function, dispatched on the API Gateway route key.

mod account;
mod attempts;
mod keys;
mod session;
mod users;

use crate::config::AuthConfig;
use crate::error::{AuthError, AuthFailure};
use crate::ports::AuthStore;
use shared::http::{HandlerResult, Request, no_route, route_key};
use shared::status;

/// The auth function: its storage and configuration, built once in `main`.
pub struct App<S> {
    pub store: S,
    pub config: AuthConfig,
}

impl<S: AuthStore + Sync> App<S> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<AuthFailure> {
        match route_key(&request) {
            "POST /auth/signup" => self.signup(&request).await,
            "POST /auth/admin/bootstrap" => self.bootstrap_admin(&request).await,
            "GET /auth/me" => self.me(&request).await,
            "POST /auth/login" => self.login(&request).await,
            "POST /auth/refresh" => self.refresh(&request).await,
            "POST /auth/logout" => self.logout(&request).await,
            "POST /auth/token" => self.service_token(&request).await,
            "GET /auth/users/{user_id}" => self.user(&request).await,
            "GET /auth/.well-known/jwks.json" => Ok(self.jwks()),
            "GET /auth/status" => {
                Ok(status::report("auth", vec![status::check("table", self.store.check())]).await)
            }
            _ => Err(no_route(&request).into()),
        }
    }
}

/// Runs CPU-heavy password work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AuthFailure> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|err| AuthError::Internal(format!("password task failed: {err}")).into())
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
