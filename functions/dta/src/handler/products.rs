//! `GET /dta/products?credentials=&date=`: SkiData's products and prices for one day.

use super::{App, credentials};
use crate::domain::Day;
use crate::error::DtaError;
use crate::ports::{BookingStore, Skidata};
use http::StatusCode;
use shared::http::query_param;
use shared::http::{Body, Request, Response, json};

pub async fn list<P, S>(app: &App<P, S>, request: &Request) -> Result<Response<Body>, DtaError>
where
    P: Skidata + Sync,
    S: BookingStore + Sync,
{
    let credentials = credentials(request)?;
    let day = Day::parse("date", query_param(request, "date")?)?;
    let products = app.skidata.products(&credentials, day).await?;
    Ok(json(
        StatusCode::OK,
        &serde_json::json!({"date": day, "products": products}),
    ))
}
