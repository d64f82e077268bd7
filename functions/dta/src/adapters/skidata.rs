//! SkiData DTA over HTTP: Basic authentication plus the contractor id header, bounded answers,
//! reads retried, orders retried only because SkiData deduplicates them by external order id.

use super::wire::{
    self, ErrorAnswer, OrderAccepted, OrderAnswer, OrderItem, OrderRequest, ProductsAnswer,
};
use crate::domain::{BookingRequest, CredentialsRef, Day, Product};
use crate::ports::{AcceptedOrder, OrderState, ProviderError, Skidata};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use shared::outbound::{Remote, Repeat};
use shared::provider::{Login, ProviderConfig, excerpt, exchange};
use std::collections::HashMap;
use std::fmt;

/// The header naming the contractor (the lift operator) at SkiData.
pub const CONTRACTOR_HEADER: &str = "x-contractor-id";
/// The largest product list read.
const MAX_PRODUCTS_BYTES: usize = 1024 * 1024;
/// The largest order answer read.
const MAX_ORDER_BYTES: usize = 64 * 1024;

/// One set of SkiData credentials: a login and the contractor (the lift operator).
#[derive(Debug, Clone, Deserialize)]
pub struct Credentials {
    #[serde(flatten)]
    pub login: Login,
    pub contractor_id: String,
}

/// Where SkiData is and the credentials of each reference.
pub type SkidataConfig = ProviderConfig<Credentials>;

/// The SkiData client; built once in `main`.
pub struct SkidataClient {
    skidata: Remote,
    credentials: HashMap<String, Credentials>,
}

fn malformed(detail: impl fmt::Display) -> ProviderError {
    ProviderError::Malformed(detail.to_string())
}

impl SkidataClient {
    pub fn new(config: SkidataConfig) -> Result<Self, reqwest::Error> {
        Ok(Self {
            skidata: Remote::new(config.endpoint)?,
            credentials: config.credentials,
        })
    }

    fn request(
        &self,
        credentials: &CredentialsRef,
        method: Method,
        path: &str,
    ) -> Result<RequestBuilder, ProviderError> {
        let found = self
            .credentials
            .get(credentials.as_str())
            .ok_or_else(|| ProviderError::UnknownCredentials(credentials.to_string()))?;
        Ok(self
            .skidata
            .outbound
            .client()
            .request(method, self.skidata.url(path))
            .basic_auth(&found.login.username, Some(found.login.password.expose()))
            .header(CONTRACTOR_HEADER, &found.contractor_id)
            .header("accept", "application/json"))
    }

    /// Sends, reads at most `limit` bytes, and turns every failure into a [`ProviderError`].
    async fn send<T: DeserializeOwned>(
        &self,
        builder: RequestBuilder,
        repeat: Repeat,
        limit: usize,
    ) -> Result<T, ProviderError> {
        let (status, body) = exchange(&self.skidata.outbound, builder, repeat, limit).await?;
        match status {
            status if status.is_success() => serde_json::from_slice(&body).map_err(malformed),
            StatusCode::NOT_FOUND => Err(ProviderError::NotFound),
            status if status.is_client_error() => {
                Err(match serde_json::from_slice::<ErrorAnswer>(&body) {
                    Ok(answer) => ProviderError::Refused {
                        code: excerpt(answer.error_code.as_bytes()),
                        message: excerpt(answer.message.as_bytes()),
                    },
                    Err(_) => ProviderError::Refused {
                        code: status.as_u16().to_string(),
                        message: excerpt(&body),
                    },
                })
            }
            status => Err(ProviderError::Status {
                status: status.as_u16(),
                detail: excerpt(&body),
            }),
        }
    }

    fn order_state(answer: OrderAnswer) -> Result<OrderState, ProviderError> {
        Ok(OrderState {
            order_id: wire::order_id(&answer.order_id).map_err(malformed)?,
            status: answer.status,
        })
    }
}

impl Skidata for SkidataClient {
    async fn products(
        &self,
        credentials: &CredentialsRef,
        day: Day,
    ) -> Result<Vec<Product>, ProviderError> {
        let builder = self
            .request(credentials, Method::GET, "/products")?
            .query(&[("validFrom", day.to_string())]);
        let answer: ProductsAnswer = self
            .send(builder, Repeat::ByMethod, MAX_PRODUCTS_BYTES)
            .await?;
        answer.into_products().map_err(malformed)
    }

    async fn create_order(&self, request: &BookingRequest) -> Result<AcceptedOrder, ProviderError> {
        let body = OrderRequest {
            external_order_id: request.external_order_id.as_str(),
            items: request.items.iter().map(OrderItem::from_item).collect(),
        };
        let builder = self
            .request(&request.credentials, Method::POST, "/orders")?
            .json(&body);
        let answer: OrderAccepted = self
            .send(builder, Repeat::Idempotent, MAX_ORDER_BYTES)
            .await?;
        let confirmation_ok =
            !answer.confirmation_number.is_empty() && answer.confirmation_number.len() <= 64;
        if !confirmation_ok || answer.asynchronous_execution_token.execution_id.is_empty() {
            return Err(malformed(
                "the order answer lacks a confirmation number or execution id",
            ));
        }
        Ok(AcceptedOrder {
            order_id: wire::order_id(&answer.order_id).map_err(malformed)?,
            confirmation_number: excerpt(answer.confirmation_number.as_bytes()),
        })
    }

    async fn order(
        &self,
        credentials: &CredentialsRef,
        order_id: &str,
    ) -> Result<OrderState, ProviderError> {
        let path = format!("/orders/{}", wire::order_id(order_id).map_err(malformed)?);
        let builder = self.request(credentials, Method::GET, &path)?;
        Self::order_state(
            self.send(builder, Repeat::ByMethod, MAX_ORDER_BYTES)
                .await?,
        )
    }

    async fn cancel_order(
        &self,
        credentials: &CredentialsRef,
        order_id: &str,
    ) -> Result<OrderState, ProviderError> {
        let path = format!("/orders/{}", wire::order_id(order_id).map_err(malformed)?);
        let builder = self.request(credentials, Method::DELETE, &path)?;
        Self::order_state(
            self.send(builder, Repeat::ByMethod, MAX_ORDER_BYTES)
                .await?,
        )
    }

    async fn check(&self) -> Result<(), String> {
        let Some(name) = self.credentials.keys().min() else {
            return Err("no SkiData credentials are configured".into());
        };
        let credentials = CredentialsRef::parse(name).map_err(|err| err.to_string())?;
        let today = time::OffsetDateTime::now_utc().date().to_string();
        let day = Day::parse("date", &today).map_err(|err| err.to_string())?;
        self.products(&credentials, day)
            .await
            .map(|_| ())
            .map_err(|err| err.to_string())
    }
}
