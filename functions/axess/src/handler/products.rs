//! `GET /axess/products?credentials=&date=&pool_no=&tickets=`: the tariff of each product.

use super::{App, credentials};
use crate::domain::{Day, ProductKey};
use crate::error::AxessError;
use crate::ports::{Axess, BookingStore};
use http::StatusCode;
use shared::http::query_param;
use shared::http::{Body, Request, Response, json};

pub async fn list<P, S>(app: &App<P, S>, request: &Request) -> Result<Response<Body>, AxessError>
where
    P: Axess + Sync,
    S: BookingStore + Sync,
{
    let credentials = credentials(request)?;
    let day = Day::parse("date", query_param(request, "date")?)?;
    let keys = ProductKey::parse_list(
        query_param(request, "pool_no")?,
        query_param(request, "tickets")?,
    )?;
    let mut products = Vec::with_capacity(keys.len());
    for key in keys {
        products.push(app.axess.tariff(&credentials, key, day).await?);
    }
    Ok(json(
        StatusCode::OK,
        &serde_json::json!({"date": day, "products": products}),
    ))
}
