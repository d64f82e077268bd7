//! The registry: anyone reads active operators and their products; admins create, update and
//! deactivate operators.

use super::App;
use crate::domain::{Day, OperatorId, OperatorInput};
use crate::error::LiftoperatorError;
use crate::ports::{OperatorStore, Providers};
use http::StatusCode;
use shared::http::{ApiError, Body, Request, Response, json, json_body, path_param, query_param};
use shared::token::Role;

type Answer = Result<Response<Body>, LiftoperatorError>;

/// `GET /liftoperators`: the active operators.
pub async fn list<S: OperatorStore + Sync, P: Providers + Sync>(app: &App<S, P>) -> Answer {
    let operators = app.store.operators().await?;
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
pub async fn read<S: OperatorStore + Sync, P: Providers + Sync>(
    app: &App<S, P>,
    request: &Request,
) -> Answer {
    let operator = app.active_operator(request).await?;
    Ok(json(StatusCode::OK, &operator.public()))
}

/// `GET /liftoperators/{id}/products?date=YYYY-MM-DD`: normalised, whichever provider; kept
/// per operator and day for `products_ttl`, so anonymous reads do not each reach the provider.
pub async fn products<S: OperatorStore + Sync, P: Providers + Sync>(
    app: &App<S, P>,
    request: &Request,
) -> Answer {
    let operator = app.active_operator(request).await?;
    let day = Day::parse("date", query_param(request, "date")?)?;
    let key = (operator.id.clone(), day);
    let products = match app.products.get(&key) {
        Some((provider, products)) if provider == operator.provider => products,
        _ => {
            let products = app.providers.products(&operator, day).await?;
            let entry = (operator.provider.clone(), products.clone());
            app.products.insert(key, entry);
            products
        }
    };
    Ok(json(
        StatusCode::OK,
        &serde_json::json!({"operator_id": operator.id, "date": day, "products": products}),
    ))
}

/// `POST /liftoperators` (admin): 201 with the operator, 409 if the id is taken.
pub async fn create<S: OperatorStore + Sync, P: Providers + Sync>(
    app: &App<S, P>,
    request: &Request,
) -> Answer {
    app.require(request, Role::Admin)?;
    let mut input: OperatorInput = json_body(request)?;
    let id = input
        .id
        .take()
        .ok_or_else(|| ApiError::invalid("id is required"))?;
    let operator = input.into_operator(id, true)?;
    app.store.create(&operator).await?;
    tracing::info!(event = "liftoperator.created", operator_id = %operator.id, provider = ?operator.provider.kind());
    Ok(json(StatusCode::CREATED, &operator))
}

/// `PUT /liftoperators/{id}` (admin): replaces the operator's description; without `active`
/// the operator stays as active as it was.
pub async fn update<S: OperatorStore + Sync, P: Providers + Sync>(
    app: &App<S, P>,
    request: &Request,
) -> Answer {
    app.require(request, Role::Admin)?;
    let id = OperatorId::parse(&path_param(request, "id")?)?;
    let input: OperatorInput = json_body(request)?;
    if input.id.as_ref().is_some_and(|body_id| *body_id != id) {
        return Err(ApiError::invalid("the body's id differs from the path's").into());
    }
    let current = app
        .store
        .operator(&id)
        .await?
        .ok_or(LiftoperatorError::NoOperator)?;
    let operator = input.into_operator(id, current.active)?;
    app.store.replace(&operator).await?;
    tracing::info!(event = "liftoperator.updated", operator_id = %operator.id);
    Ok(json(StatusCode::OK, &operator))
}

/// `DELETE /liftoperators/{id}` (admin): deactivates; the operator stays in the registry.
pub async fn deactivate<S: OperatorStore + Sync, P: Providers + Sync>(
    app: &App<S, P>,
    request: &Request,
) -> Answer {
    app.require(request, Role::Admin)?;
    let id = OperatorId::parse(&path_param(request, "id")?)?;
    let mut operator = app
        .store
        .operator(&id)
        .await?
        .ok_or(LiftoperatorError::NoOperator)?;
    if operator.active {
        operator.active = false;
        app.store.replace(&operator).await?;
        tracing::info!(event = "liftoperator.deactivated", operator_id = %operator.id);
    }
    Ok(json(StatusCode::OK, &operator))
}
