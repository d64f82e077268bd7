//! The order functions' handlers: the customer's HTTP routes (`orders`) and the `orders`
//! queue's payment outcomes (`processing`), on one `App`.

mod orders;
mod processing;

use crate::config::OrderConfig;
use crate::error::OrderFailure;
use crate::ports::{Invoices, OrderStore, Services};
use shared::http::{HandlerResult, Request, no_route, route_key};
use shared::idempotency::IdempotencyStore;
use shared::status;
use shared::token::Role;

/// How often a write that lost to a concurrent one is tried again, reading anew each time.
const ATTEMPTS: usize = 8;

/// The order functions: the order store, the claims on idempotency keys, the invoice PDFs,
/// our other services and the configuration, built once in `main`.
pub struct App<S, I, A> {
    pub store: S,
    pub claims: IdempotencyStore,
    pub invoices: I,
    pub services: A,
    pub config: OrderConfig,
}

impl<S: OrderStore + Sync, I: Invoices + Sync, A: Services + Sync> App<S, I, A> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<OrderFailure> {
        let route = route_key(&request);
        if route == "GET /orders/status" {
            let checks = vec![status::check("table", self.store.check())];
            return Ok(status::report("order", checks).await);
        }
        let caller = self.config.verifier.authorize(&request, Role::Customer)?;
        let user = caller.subject.as_str();
        match route {
            "POST /orders" => self.create(user, &request).await,
            "GET /orders" => self.list(user).await,
            "GET /orders/{order_id}" => self.read(user, &request).await,
            "POST /orders/{order_id}/cancel" => self.cancel(user, &request).await,
            "GET /orders/{order_id}/invoice" => self.invoice(user, &request).await,
            _ => Err(no_route(&request).into()),
        }
    }
}

fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

fn timestamp(at: time::OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// What a route answers.
type Answer = Result<shared::http::Response<shared::http::Body>, OrderFailure>;
