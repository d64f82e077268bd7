//! Bookings (service tokens only): each item's product is looked up in the operator's
//! products of its day, then the operator's provider books them under the external order id.
//! Only active operators take new bookings; a deactivated operator's bookings can still be read
//! and cancelled.

use super::App;
use crate::domain::{BookingRequest, ExternalOrderId, Product};
use crate::error::{LiftoperatorError, LiftoperatorFailure};
use crate::ports::{OperatorStore, Providers};
use http::StatusCode;
use shared::http::{Body, Request, Response, json, json_body, path_param};
use shared::token::Role;
use std::collections::{BTreeMap, BTreeSet};

type Answer = Result<Response<Body>, LiftoperatorFailure>;

impl<S: OperatorStore + Sync, P: Providers + Sync> App<S, P> {
    /// `POST /liftoperators/{id}/bookings`: 201 when booked now, 200 when booked before.
    pub(super) async fn book(&self, request: &Request) -> Answer {
        self.require(request, Role::Service)?;
        let operator = self.active_operator(request).await?;
        let asked: BookingRequest = json_body(request)?;
        asked.validate()?;
        let days: BTreeSet<_> = asked.items.iter().map(|item| item.date).collect();
        let mut catalogue: BTreeMap<_, Vec<Product>> = BTreeMap::new();
        for day in days {
            catalogue.insert(day, self.providers.products(&operator, day).await?);
        }
        let mut items = Vec::with_capacity(asked.items.len());
        for item in asked.items {
            let product = catalogue
                .get(&item.date)
                .and_then(|products| products.iter().find(|p| p.product_id == item.product_id))
                .ok_or_else(|| LiftoperatorError::UnknownProduct(item.product_id.clone()))?;
            let provider = product.provider.clone();
            items.push((item, provider));
        }
        let (booking, created) = self
            .providers
            .book(&operator, &asked.external_order_id, &items)
            .await?;
        tracing::info!(event = "liftoperator.booked", operator_id = %operator.id, external_order_id = %booking.external_order_id, status = ?booking.status, created);
        let status = if created {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        };
        Ok(json(status, &booking))
    }

    /// `GET /liftoperators/{id}/bookings/{externalOrderId}`.
    pub(super) async fn read_booking(&self, request: &Request) -> Answer {
        self.require(request, Role::Service)?;
        let operator = self.operator(request).await?;
        let booking = self
            .providers
            .booking(&operator, &external_order_id(request)?)
            .await?;
        Ok(json(StatusCode::OK, &booking))
    }

    /// `DELETE /liftoperators/{id}/bookings/{externalOrderId}`: cancels; repeating it is harmless.
    pub(super) async fn cancel_booking(&self, request: &Request) -> Answer {
        self.require(request, Role::Service)?;
        let operator = self.operator(request).await?;
        let booking = self
            .providers
            .cancel(&operator, &external_order_id(request)?)
            .await?;
        tracing::info!(event = "liftoperator.cancelled", operator_id = %operator.id, external_order_id = %booking.external_order_id);
        Ok(json(StatusCode::OK, &booking))
    }
}

fn external_order_id(request: &Request) -> Result<ExternalOrderId, LiftoperatorFailure> {
    Ok(ExternalOrderId::parse(&path_param(
        request,
        "externalOrderId",
    )?)?)
}
