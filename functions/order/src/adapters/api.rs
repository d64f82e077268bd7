//! Our other services over the API (`API_BASE_URL`): the facade's public products, keycards and
//! payment with a service token of their audience, bookings with one for `liftoperator`.
//! An answer that is not 2xx is a refusal with the service's error code; no answer is
//! `Unavailable`.

use crate::domain::{Day, Money, Order, OrderId};
use crate::ports::{BookingItem, KeycardView, PricedProduct, ServiceError, Services};
use serde::Deserialize;
use serde_json::{Value, json};
use shared::mail::{Mailer, UserMail};
use shared::outbound::{BodyError, Endpoint, Remote, Repeat, body_capped};
use shared::service_token::ServiceTokens;
use shared::values::Keycard;

/// The largest answer read.
const MAX_ANSWER_BYTES: usize = 512 * 1024;

/// The client of our own API; one per container.
pub struct ApiClient {
    api: Remote,
    tokens: ServiceTokens,
    /// Mails to customers, where this function sends any.
    mailer: Option<Mailer>,
}

fn unavailable(service: &'static str, detail: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable {
        service,
        detail: detail.to_string(),
    }
}

/// A request to send: its method, path below the API, and JSON body.
struct Call<'a> {
    service: &'static str,
    /// The audience of the service token; none for a public route.
    audience: Option<&'a str>,
    method: reqwest::Method,
    path: String,
    body: Option<Value>,
    repeat: Repeat,
}

impl ApiClient {
    pub fn new(api: Endpoint, tokens: ServiceTokens) -> Result<Self, reqwest::Error> {
        Ok(Self {
            api: Remote::new(api)?,
            tokens,
            mailer: None,
        })
    }

    /// This client, sending customers' mails with `mailer`.
    pub fn with_mailer(mut self, mailer: Mailer) -> Self {
        self.mailer = Some(mailer);
        self
    }

    /// Sends `call`; the status and JSON answer (`Null` when empty).
    async fn send(&self, call: Call<'_>) -> Result<(u16, Value), ServiceError> {
        let url = self.api.url(&call.path);
        let build = |token: Option<&str>| {
            let mut request = self
                .api
                .outbound
                .client()
                .request(call.method.clone(), &url);
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            if let Some(body) = &call.body {
                request = request.json(body);
            }
            request.build()
        };
        let response = match call.audience {
            Some(audience) => self
                .tokens
                .send(&self.api.outbound, audience, call.repeat, |token| {
                    build(Some(token))
                })
                .await
                .map_err(|err| unavailable(call.service, shared::http::cause_chain(&err)))?,
            None => {
                let request = build(None).map_err(|err| unavailable(call.service, err))?;
                self.api
                    .outbound
                    .send(request, call.repeat)
                    .await
                    .map_err(|err| unavailable(call.service, shared::http::cause_chain(&err)))?
            }
        };
        let status = response.status().as_u16();
        let bytes = body_capped(response, MAX_ANSWER_BYTES)
            .await
            .map_err(|err| match err {
                BodyError::Transport(err) => unavailable(call.service, err),
                too_large => unavailable(call.service, too_large),
            })?;
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).map_err(|err| unavailable(call.service, err))?
        };
        Ok((status, body))
    }

    /// `call`'s answer when it is 2xx, `None` for a 404, else a refusal.
    async fn answer(&self, call: Call<'_>) -> Result<Option<Value>, ServiceError> {
        let service = call.service;
        match self.send(call).await? {
            (200..=299, body) => Ok(Some(body)),
            (404, _) => Ok(None),
            (status, body) => Err(ServiceError::Refused {
                service,
                status,
                code: body["error"]["code"]
                    .as_str()
                    .unwrap_or("unknown")
                    .to_owned(),
                message: body["error"]["message"].as_str().unwrap_or("").to_owned(),
            }),
        }
    }
}

fn parse<T: for<'de> Deserialize<'de>>(
    service: &'static str,
    value: Value,
) -> Result<T, ServiceError> {
    serde_json::from_value(value).map_err(|err| unavailable(service, err))
}

#[derive(Deserialize)]
struct Products {
    products: Vec<Product>,
}

#[derive(Deserialize)]
struct Product {
    product_id: String,
    name: String,
    price: Money,
}

#[derive(Deserialize)]
struct KeycardAnswer {
    owner: String,
    status: String,
    chip: Option<Keycard>,
}

#[derive(Deserialize)]
struct Booked {
    tickets: Vec<BookedTicket>,
}

#[derive(Deserialize)]
struct BookedTicket {
    provider_reference: Option<String>,
}

impl Services for ApiClient {
    async fn mail(&self, mail: UserMail<'_>) -> Result<(), ServiceError> {
        let mailer = self
            .mailer
            .as_ref()
            .ok_or_else(|| unavailable("mail", "this function sends no mails"))?;
        mailer
            .send(mail)
            .await
            .map_err(|err| unavailable("mail", shared::http::cause_chain(&err)))
    }

    async fn product(
        &self,
        operator_id: &str,
        product_id: &str,
        date: Day,
    ) -> Result<Option<PricedProduct>, ServiceError> {
        let call = Call {
            service: "liftoperator",
            audience: None,
            method: reqwest::Method::GET,
            path: format!("/liftoperators/{operator_id}/products?date={date}"),
            body: None,
            repeat: Repeat::ByMethod,
        };
        let Some(answer) = self.answer(call).await? else {
            return Ok(None);
        };
        let products: Products = parse("liftoperator", answer)?;
        Ok(products
            .products
            .into_iter()
            .find(|product| product.product_id == product_id)
            .map(|product| PricedProduct {
                name: product.name,
                price: product.price,
            }))
    }

    async fn keycard(&self, keycard_id: &str) -> Result<Option<KeycardView>, ServiceError> {
        let call = Call {
            service: "keycards",
            audience: Some("keycards"),
            method: reqwest::Method::GET,
            path: format!("/keycards/{keycard_id}"),
            body: None,
            repeat: Repeat::ByMethod,
        };
        let Some(answer) = self.answer(call).await? else {
            return Ok(None);
        };
        let keycard: KeycardAnswer = parse("keycards", answer)?;
        Ok(Some(KeycardView {
            owner: keycard.owner,
            status: keycard.status,
            chip: keycard.chip,
        }))
    }

    async fn start_payment(&self, order: &Order) -> Result<String, ServiceError> {
        let tickets = order.items.len();
        let call = Call {
            service: "payment",
            audience: Some("payment"),
            method: reqwest::Method::POST,
            path: "/payments".into(),
            body: Some(
                json!({"order_id": order.order_id, "amount_cents": order.total.amount_cents,
                "currency": order.total.currency, "description": format!("{tickets} Starjack ticket(s)")}),
            ),
            repeat: Repeat::Idempotent,
        };
        let answer = self.answer(call).await?.unwrap_or_default();
        answer["redirect_url"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| unavailable("payment", "no redirect_url in the answer"))
    }

    async fn refund(
        &self,
        order_id: &OrderId,
        refund_id: &str,
        amount_cents: i64,
    ) -> Result<(), ServiceError> {
        let call = Call {
            service: "payment",
            audience: Some("payment"),
            method: reqwest::Method::POST,
            path: format!("/payments/{order_id}/refunds"),
            body: Some(json!({"refund_id": refund_id, "amount_cents": amount_cents})),
            repeat: Repeat::Idempotent,
        };
        match self.answer(call).await? {
            Some(_) => Ok(()),
            None => Err(unavailable("payment", "no payment for this order")),
        }
    }

    async fn book(
        &self,
        operator_id: &str,
        booking_id: &str,
        items: &[BookingItem],
    ) -> Result<Vec<Option<String>>, ServiceError> {
        let items: Vec<Value> = items
            .iter()
            .map(|item| json!({"product_id": item.product_id, "date": item.date, "keycard": item.keycard}))
            .collect();
        let call = Call {
            service: "liftoperator",
            audience: Some("liftoperator"),
            method: reqwest::Method::POST,
            path: format!("/liftoperators/{operator_id}/bookings"),
            body: Some(json!({"external_order_id": booking_id, "items": items})),
            repeat: Repeat::Idempotent,
        };
        let answer = self
            .answer(call)
            .await?
            .ok_or_else(|| ServiceError::Refused {
                service: "liftoperator",
                status: 404,
                code: "not_found".into(),
                message: format!("no active operator {operator_id}"),
            })?;
        let booked: Booked = parse("liftoperator", answer)?;
        Ok(booked
            .tickets
            .into_iter()
            .map(|ticket| ticket.provider_reference)
            .collect())
    }
}
