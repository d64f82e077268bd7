//! HTTP routes of the payment function, dispatched on the API Gateway route key: Mpay24's
//! confirmation callback and the status are public; starting, reading and refunding a payment
//! need a service token for `payment` (the order service's).

mod confirmation;
mod refunds;
mod start;

use crate::config::PaymentConfig;
use crate::error::{PaymentError, PaymentFailure};
use crate::ports::{Mpay24, Orders, PaymentStore};
use shared::http::{HandlerResult, Request, no_route, route_key};
use shared::status;
use shared::token::Role;

/// How often a write that lost to a concurrent one is tried again, reading anew each time.
const ATTEMPTS: usize = 4;

/// The payment function: the payment store, Mpay24, the order service's queue and the
/// configuration, built once in `main`.
pub struct App<S, P, Q> {
    pub store: S,
    pub mpay24: P,
    pub orders: Q,
    pub config: PaymentConfig,
}

impl<S: PaymentStore + Sync, P: Mpay24 + Sync, Q: Orders + Sync> App<S, P, Q> {
    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<PaymentFailure> {
        let route = route_key(&request);
        match route {
            "GET /payments/status" => {
                let checks = vec![
                    status::check("table", self.store.check()),
                    status::check("mpay24", self.mpay24.check()),
                    status::check("orders_queue", self.orders.check()),
                ];
                return Ok(status::report("payment", checks).await);
            }
            "GET /payments/confirmation" => self.confirm(&request).await,
            _ => {
                self.config.verifier.authorize(&request, Role::Service)?;
                match route {
                    "POST /payments" => self.start(&request).await,
                    "GET /payments/{order_id}" => self.read(&request).await,
                    "POST /payments/{order_id}/refunds" => self.refund(&request).await,
                    _ => Err(no_route(&request).into()),
                }
            }
        }
    }
}

fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// The payment of the order the path names.
async fn payment_at<S: PaymentStore>(
    store: &S,
    request: &Request,
) -> Result<crate::domain::Payment, PaymentFailure> {
    let order_id = crate::domain::OrderId::parse(&shared::http::path_param(request, "order_id")?)?;
    store
        .payment(&order_id)
        .await?
        .ok_or(PaymentError::NotFound.into())
}
