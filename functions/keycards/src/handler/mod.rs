//! HTTP routes of the keycards function, dispatched on the API Gateway route key, and the
//! steps both functions share: ordering at the supplier and applying what it reports.

mod keycards;
mod progress;
mod sync;
mod webhook;

pub use sync::SyncReport;

use crate::config::KeycardsConfig;
use crate::error::KeycardsFailure;
use crate::ports::{KeycardStore, Notifier, Supplier};
use shared::http::{HandlerResult, Request, no_route, route_key};
use shared::status;

/// The keycards functions: storage, the supplier, the mail notifier and the configuration,
/// built once in `main`.
pub struct App<S, P, N> {
    pub store: S,
    pub supplier: P,
    pub notifier: N,
    pub config: KeycardsConfig,
}

impl<S: KeycardStore + Sync, P: Supplier + Sync, N: Notifier + Sync> App<S, P, N> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<KeycardsFailure> {
        match route_key(&request) {
            "GET /keycards/status" => {
                let checks = vec![
                    status::check("table", self.store.check()),
                    status::check("supplier", self.supplier.check()),
                ];
                return Ok(status::report("keycards", checks).await);
            }
            "POST /keycards/webhook" => self.webhook(&request).await,
            "POST /keycards" => self.order(&request).await,
            "GET /keycards" => self.list(&request).await,
            "GET /keycards/{keycard_id}" => self.read(&request).await,
            _ => Err(no_route(&request).into()),
        }
    }
}
