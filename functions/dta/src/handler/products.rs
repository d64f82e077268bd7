//! `GET /dta/products?credentials=&date=`: SkiData's products and prices for one day.

use super::App;
use crate::domain::Day;
use crate::error::DtaFailure;
use crate::ports::{BookingStore, Skidata};
use http::StatusCode;
use shared::http::query_param;
use shared::http::{Body, Request, Response, json};
use shared::provider::credentials;

impl<S: BookingStore + Sync, P: Skidata + Sync> App<S, P> {
    pub(super) async fn products(&self, request: &Request) -> Result<Response<Body>, DtaFailure> {
        let credentials = credentials(request)?;
        let day = Day::parse("date", query_param(request, "date")?)?;
        let products = self.skidata.products(&credentials, day).await?;
        Ok(json(
            StatusCode::OK,
            &serde_json::json!({"date": day, "products": products}),
        ))
    }
}
