//! `GET /axess/products?credentials=&date=&pool_no=&tickets=`: the tariff of each product.

use super::App;
use crate::domain::{Day, ProductKey};
use crate::error::AxessFailure;
use crate::ports::{Axess, BookingStore};
use http::StatusCode;
use shared::http::query_param;
use shared::http::{Body, Request, Response, json};
use shared::provider::credentials;

impl<S: BookingStore + Sync, P: Axess + Sync> App<S, P> {
    pub(super) async fn products(&self, request: &Request) -> Result<Response<Body>, AxessFailure> {
        let credentials = credentials(request)?;
        let day = Day::parse("date", query_param(request, "date")?)?;
        let keys = ProductKey::parse_list(
            query_param(request, "pool_no")?,
            query_param(request, "tickets")?,
        )?;
        let mut products = Vec::with_capacity(keys.len());
        for key in keys {
            products.push(self.axess.tariff(&credentials, key, day).await?);
        }
        Ok(json(
            StatusCode::OK,
            &serde_json::json!({"date": day, "products": products}),
        ))
    }
}
