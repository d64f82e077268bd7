//! HTTP routes of the auth function, dispatched on the API Gateway route key.

mod account;
mod attempts;
mod keys;
mod session;
mod users;

use crate::config::AuthConfig;
use crate::error::{AuthError, AuthFailure};
use crate::ports::AuthStore;
use shared::http::{ApiError, HandlerResult, Request, no_route, route_key};
use shared::status;

/// The auth function: its storage and configuration, built once in `main`.
pub struct App<S> {
    pub store: S,
    pub config: AuthConfig,
}

impl<S: AuthStore + Sync> App<S> {
    pub fn new(store: S, config: AuthConfig) -> Self {
        Self { store, config }
    }

    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult {
        let result: Result<_, AuthFailure> = match route_key(&request) {
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
            _ => return Err(no_route(&request)),
        };
        result.map_err(ApiError::from)
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
