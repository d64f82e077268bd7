//! The registry: anyone reads active operators and their products; admins create, update and
//! deactivate operators.

use super::App;
use crate::domain::{Day, OperatorId, OperatorInput};
use crate::error::{LiftoperatorError, LiftoperatorFailure};
use crate::ports::{OperatorStore, Providers};
use http::StatusCode;
use shared::http::{ApiError, Body, Request, Response, json, json_body, path_param, query_param};
use shared::token::Role;

type Answer = Result<Response<Body>, LiftoperatorFailure>;

impl<S: OperatorStore + Sync, P: Providers + Sync> App<S, P> {
    /// `GET /liftoperators`: the active operators.
    pub(super) async fn operators(&self) -> Answer {
        let operators = self.store.operators().await?;
        let active: Vec<_> = operators
            .iter()
            .filter(|o| o.active)
            .map(|o| o.public())
            .collect();
        Ok(json(
            StatusCode::OK,
            &serde_json::json!({"operators": active}),
        ))
    }

    /// `GET /liftoperators/{id}`.
    pub(super) async fn read_operator(&self, request: &Request) -> Answer {
        let operator = self.active_operator(request).await?;
        Ok(json(StatusCode::OK, &operator.public()))
    }

    /// `GET /liftoperators/{id}/products?date=YYYY-MM-DD`: normalised, whichever provider; kept
    /// per operator and day for `products_ttl`, so anonymous reads do not each reach the provider.
    pub(super) async fn list_products(&self, request: &Request) -> Answer {
        let operator = self.active_operator(request).await?;
        let day = Day::parse("date", query_param(request, "date")?)?;
        let key = (operator.id.clone(), day);
        let products = match self.products.get(&key) {
            Some((provider, products)) if provider == operator.provider => products,
            _ => {
                let products = self.providers.products(&operator, day).await?;
                let entry = (operator.provider.clone(), products.clone());
                self.products.insert(key, entry);
                products
            }
        };
        Ok(json(
            StatusCode::OK,
            &serde_json::json!({"operator_id": operator.id, "date": day, "products": products}),
        ))
    }

    /// `POST /liftoperators` (admin): 201 with the operator, 409 if the id is taken.
    pub(super) async fn create_operator(&self, request: &Request) -> Answer {
        self.require(request, Role::Admin)?;
        let mut input: OperatorInput = json_body(request)?;
        let id = input
            .id
            .take()
            .ok_or_else(|| ApiError::invalid("id is required"))?;
        let operator = input.into_operator(id, true)?;
        if !self.store.create(&operator).await? {
            return Err(LiftoperatorError::OperatorExists.into());
        }
        tracing::info!(event = "liftoperator.created", operator_id = %operator.id, provider = ?operator.provider.kind());
        Ok(json(StatusCode::CREATED, &operator))
    }

    /// `PUT /liftoperators/{id}` (admin): replaces the operator's description; without `active`
    /// the operator stays as active as it was.
    pub(super) async fn update_operator(&self, request: &Request) -> Answer {
        self.require(request, Role::Admin)?;
        let id = OperatorId::parse(&path_param(request, "id")?)?;
        let input: OperatorInput = json_body(request)?;
        if input.id.as_ref().is_some_and(|body_id| *body_id != id) {
            return Err(ApiError::invalid("the body's id differs from the path's").into());
        }
        let current = self
            .store
            .operator(&id)
            .await?
            .ok_or(LiftoperatorError::NoOperator)?;
        let operator = input.into_operator(id, current.active)?;
        if !self.store.replace(&operator, current.active).await? {
            return Err(LiftoperatorError::OperatorChanged.into());
        }
        tracing::info!(event = "liftoperator.updated", operator_id = %operator.id);
        Ok(json(StatusCode::OK, &operator))
    }

    /// `DELETE /liftoperators/{id}` (admin): deactivates; the operator stays in the registry.
    pub(super) async fn deactivate_operator(&self, request: &Request) -> Answer {
        self.require(request, Role::Admin)?;
        let id = OperatorId::parse(&path_param(request, "id")?)?;
        let mut operator = self
            .store
            .operator(&id)
            .await?
            .ok_or(LiftoperatorError::NoOperator)?;
        if operator.active {
            operator.active = false;
            if !self.store.replace(&operator, true).await? {
                return Err(LiftoperatorError::OperatorChanged.into());
            }
            tracing::info!(event = "liftoperator.deactivated", operator_id = %operator.id);
        }
        Ok(json(StatusCode::OK, &operator))
    }
}
