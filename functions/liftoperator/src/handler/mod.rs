//! HTTP routes of the liftoperator function, dispatched on the API Gateway route key:
//! public reads, admin writes, and service-only bookings.

mod bookings;
mod operators;

use crate::config::LiftoperatorConfig;
use crate::domain::{Day, Operator, OperatorId, Product, ProviderLink};
use crate::error::{LiftoperatorError, LiftoperatorFailure};
use crate::ports::{OperatorStore, Providers};
use shared::cache::TtlCache;
use shared::http::{HandlerResult, Request, no_route, path_param, route_key};
use shared::status;
use shared::token::Role;

/// The most operator-days of products the cache keeps.
const CACHED_PRODUCT_LISTS: usize = 512;

/// An operator's products of a day, with the provider link they were fetched for.
type ProductCache = TtlCache<(OperatorId, Day), (ProviderLink, Vec<Product>)>;

/// The liftoperator function: registry, adapters, the products cache and configuration,
/// built once in `main`.
pub struct App<S, P> {
    pub store: S,
    pub providers: P,
    products: ProductCache,
    pub config: LiftoperatorConfig,
}

impl<S: OperatorStore + Sync, P: Providers + Sync> App<S, P> {
    pub fn new(store: S, providers: P, config: LiftoperatorConfig) -> Self {
        Self {
            store,
            providers,
            products: TtlCache::new(config.products_ttl, CACHED_PRODUCT_LISTS),
            config,
        }
    }

    /// Answers one API Gateway request.
    pub async fn handle(&self, request: Request) -> HandlerResult<LiftoperatorFailure> {
        match route_key(&request) {
            "GET /liftoperators" => self.operators().await,
            "GET /liftoperators/{id}" => self.read_operator(&request).await,
            "GET /liftoperators/{id}/products" => self.list_products(&request).await,
            "POST /liftoperators" => self.create_operator(&request).await,
            "PUT /liftoperators/{id}" => self.update_operator(&request).await,
            "DELETE /liftoperators/{id}" => self.deactivate_operator(&request).await,
            "POST /liftoperators/{id}/bookings" => self.book(&request).await,
            "GET /liftoperators/{id}/bookings/{externalOrderId}" => {
                self.read_booking(&request).await
            }
            "DELETE /liftoperators/{id}/bookings/{externalOrderId}" => {
                self.cancel_booking(&request).await
            }
            "GET /liftoperator/status" => {
                let checks = vec![
                    status::check("table", self.store.check()),
                    status::check("dta", self.providers.check_dta()),
                    status::check("axess", self.providers.check_axess()),
                ];
                return Ok(status::report("liftoperator", checks).await);
            }
            _ => Err(no_route(&request).into()),
        }
    }

    /// 401/403 unless the caller holds `role`.
    fn require(&self, request: &Request, role: Role) -> Result<(), LiftoperatorFailure> {
        self.config.verifier.authorize(request, role)?;
        Ok(())
    }

    /// The operator named by the path, active or not, or 404.
    async fn operator(&self, request: &Request) -> Result<Operator, LiftoperatorFailure> {
        let id = OperatorId::parse(&path_param(request, "id")?)?;
        self.store
            .operator(&id)
            .await?
            .ok_or(LiftoperatorError::NoOperator.into())
    }

    /// The active operator named by the path, or 404.
    async fn active_operator(&self, request: &Request) -> Result<Operator, LiftoperatorFailure> {
        let operator = self.operator(request).await?;
        if !operator.active {
            return Err(LiftoperatorError::NoOperator.into());
        }
        Ok(operator)
    }
}
