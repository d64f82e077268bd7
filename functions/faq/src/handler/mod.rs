//! HTTP routes of the faq function, dispatched on the API Gateway route key: public reads,
//! admin writes.

mod entries;

use crate::config::FaqConfig;
use crate::error::FaqFailure;
use crate::ports::FaqStore;
use shared::http::{HandlerResult, Request, no_route, route_key};
use shared::status;
use shared::token::Role;

/// The faq function: its table and configuration, built once in `main`.
pub struct App<S> {
    pub store: S,
    pub config: FaqConfig,
}

impl<S: FaqStore + Sync> App<S> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<FaqFailure> {
        match route_key(&request) {
            "GET /faq" => self.list(&request).await,
            "POST /faq" => self.create(&request).await,
            "PUT /faq/{id}" => self.update(&request).await,
            "DELETE /faq/{id}" => self.delete(&request).await,
            "GET /faq/status" => {
                let checks = vec![status::check("table", self.store.check())];
                return Ok(status::report("faq", checks).await);
            }
            _ => Err(no_route(&request).into()),
        }
    }

    /// 401/403 unless the caller is an admin.
    fn require_admin(&self, request: &Request) -> Result<(), FaqFailure> {
        self.config.verifier.authorize(request, Role::Admin)?;
        Ok(())
    }
}
