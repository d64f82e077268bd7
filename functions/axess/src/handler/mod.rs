//! HTTP routes of the axess function, dispatched on the API Gateway route key; every route but
//! the status needs a service token.

mod bookings;
mod issuing;
mod products;

use crate::config::AxessSettings;
use crate::domain::CredentialsRef;
use crate::error::AxessError;
use crate::ports::{Axess, BookingStore};
use shared::http::{ApiError, HandlerResult, Request, no_route, query_param, route_key};
use shared::idempotency::IdempotencyStore;
use shared::status;
use shared::token::Role;

/// The axess function: Axess (with its sessions), the booking store, the bookings' claims and
/// the configuration, built once in `main`.
pub struct App<P, S> {
    pub axess: P,
    pub store: S,
    pub claims: IdempotencyStore,
    pub config: AxessSettings,
}

impl<P, S> App<P, S>
where
    P: Axess + Sync,
    S: BookingStore + Sync,
{
    pub fn new(axess: P, store: S, claims: IdempotencyStore, config: AxessSettings) -> Self {
        Self {
            axess,
            store,
            claims,
            config,
        }
    }

    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult {
        let route = route_key(&request);
        if route == "GET /axess/status" {
            let checks = vec![
                status::check("table", self.store.check()),
                status::check("axess", self.axess.check()),
            ];
            return Ok(status::report("axess", checks).await);
        }
        let caller = self.config.verifier.authenticate(&request)?;
        caller.require(Role::Service)?;
        let result = match route {
            "GET /axess/products" => products::list(self, &request).await,
            "POST /axess/bookings" => bookings::book(self, &request).await,
            "GET /axess/bookings/{externalOrderId}" => bookings::read(self, &request).await,
            "DELETE /axess/bookings/{externalOrderId}" => bookings::cancel(self, &request).await,
            _ => return Err(no_route(&request)),
        };
        result.map_err(ApiError::from)
    }
}

fn credentials(request: &Request) -> Result<CredentialsRef, AxessError> {
    Ok(CredentialsRef::parse(query_param(request, "credentials")?)?)
}
