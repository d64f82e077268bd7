//! HTTP routes of the dta function, dispatched on the API Gateway route key; every route but
//! the status needs a service token.

mod bookings;
mod products;

use crate::config::DtaConfig;
use crate::error::DtaFailure;
use crate::ports::{BookingStore, Skidata};
use shared::http::{HandlerResult, Request, no_route, route_key};
use shared::idempotency::IdempotencyStore;
use shared::status;
use shared::token::Role;

/// The dta function: the booking store, the claims on new bookings, SkiData and the
/// configuration, built once in `main`.
pub struct App<S, P> {
    pub store: S,
    pub claims: IdempotencyStore,
    pub skidata: P,
    pub config: DtaConfig,
}

impl<S: BookingStore + Sync, P: Skidata + Sync> App<S, P> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<DtaFailure> {
        let route = route_key(&request);
        if route == "GET /dta/status" {
            let checks = vec![
                status::check("table", self.store.check()),
                status::check("skidata", self.skidata.check()),
            ];
            return Ok(status::report("dta", checks).await);
        }
        self.config
            .adapter
            .verifier
            .authorize(&request, Role::Service)?;
        match route {
            "GET /dta/products" => self.products(&request).await,
            "POST /dta/bookings" => self.book(&request).await,
            "GET /dta/bookings/{externalOrderId}" => self.read(&request).await,
            "DELETE /dta/bookings/{externalOrderId}" => self.cancel(&request).await,
            _ => Err(no_route(&request).into()),
        }
    }
}
