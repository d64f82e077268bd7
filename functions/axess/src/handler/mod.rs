//! HTTP routes of the axess function, dispatched on the API Gateway route key; every route but
//! the status needs a service token.

mod bookings;
mod issuing;
mod products;

use crate::config::AxessConfig;
use crate::error::AxessFailure;
use crate::ports::{Axess, BookingStore};
use shared::http::{HandlerResult, Request, no_route, route_key};
use shared::idempotency::IdempotencyStore;
use shared::status;
use shared::token::Role;

/// The axess function: Axess (with its sessions), the booking store, the bookings' claims and
/// the configuration, built once in `main`.
pub struct App<S, P> {
    pub store: S,
    pub claims: IdempotencyStore,
    pub axess: P,
    pub config: AxessConfig,
}

impl<S: BookingStore + Sync, P: Axess + Sync> App<S, P> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<AxessFailure> {
        let route = route_key(&request);
        if route == "GET /axess/status" {
            let checks = vec![
                status::check("table", self.store.check()),
                status::check("axess", self.axess.check()),
            ];
            return Ok(status::report("axess", checks).await);
        }
        self.config
            .adapter
            .verifier
            .authorize(&request, Role::Service)?;
        match route {
            "GET /axess/products" => self.products(&request).await,
            "POST /axess/bookings" => self.book(&request).await,
            "GET /axess/bookings/{externalOrderId}" => self.read(&request).await,
            "DELETE /axess/bookings/{externalOrderId}" => self.cancel(&request).await,
            _ => Err(no_route(&request).into()),
        }
    }
}
