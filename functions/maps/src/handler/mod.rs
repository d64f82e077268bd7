//! HTTP routes of the maps function, dispatched on the API Gateway route key.

mod places;

use crate::config::MapsConfig;
use crate::error::MapsFailure;
use crate::ports::{Routes, TravelStore};
use shared::expiring::EntryStore;
use shared::http::{HandlerResult, Request, no_route, route_key};
use shared::registry::Registry;
use shared::status;

/// The maps function: its table, Google, the operator registry and configuration, built once
/// in `main`.
pub struct App<S, P> {
    pub store: S,
    pub routes: P,
    pub registry: Registry,
    pub config: MapsConfig,
}

impl<S: TravelStore + Sync, P: Routes + Sync> App<S, P> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<MapsFailure> {
        match route_key(&request) {
            "GET /maps/{operator_id}" => self.place(&request).await,
            "GET /maps/{operator_id}/travel" => self.travel(&request).await,
            "GET /maps/status" => {
                let table = EntryStore::check(&self.store);
                let checks = vec![
                    status::check("table", table),
                    status::check("google", self.routes.check()),
                ];
                return Ok(status::report("maps", checks).await);
            }
            _ => Err(no_route(&request).into()),
        }
    }
}
