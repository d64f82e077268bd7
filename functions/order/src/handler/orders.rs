//! The customer's routes: `POST /orders` (priced by the facade, onto the caller's produced
//! keycards, paid through payment), `GET /orders`, `GET /orders/{order_id}` (the caller's
//! only: anyone else's is 404) and `POST /orders/{order_id}/cancel`.

use super::{ATTEMPTS, Answer, App, now, timestamp};
use crate::domain::{
    Money, Order, OrderId, OrderItem, OrderRequest, OrderStatus, invoiced, vienna_today,
};
use crate::error::{OrderError, OrderFailure};
use crate::ports::{Invoices, OrderStore, Services};
use http::StatusCode;
use serde_json::json;
use shared::http::{Body, Request, Response, header, json, json_body, path_param};
use shared::idempotency::RunError;
use shared::values::{Invalid, Locale};

/// The longest `Idempotency-Key` taken.
const MAX_KEY: usize = 128;

impl<S: OrderStore + Sync, I: Invoices + Sync, A: Services + Sync> App<S, I, A> {
    /// 201 with the order, `pending_payment`, and where to pay it; the same `Idempotency-Key`
    /// with the same items answers the same order.
    pub(super) async fn create(&self, user: &str, request: &Request) -> Answer {
        let asked: OrderRequest = json_body(request)?;
        asked.validate(vienna_today(now()))?;
        let locale = Locale::from_accept_language(header(request, "accept-language"));
        let Some(key) = header(request, "idempotency-key") else {
            let order = self.place(user, &asked, locale).await?;
            return Ok(json(StatusCode::CREATED, &order.view()));
        };
        if key.is_empty() || key.len() > MAX_KEY || key.chars().any(char::is_control) {
            return Err(Invalid::new("Idempotency-Key", "must be 1 to 128 characters").into());
        }
        let claim = format!("IDEMPOTENCY#{user}#{key}");
        let placed = self
            .claims
            .run(&claim, &asked, || async {
                self.place(user, &asked, locale)
                    .await
                    .map(|order| order.order_id)
            })
            .await;
        let order_id = match placed {
            Ok(order_id) => order_id,
            Err(RunError::Operation(err)) => return Err(err),
            Err(RunError::Idempotency(err)) => return Err(err.into()),
        };
        let order = self.own(user, &order_id).await?;
        Ok(json(StatusCode::CREATED, &order.view()))
    }

    /// Prices, checks and stores a new order, then starts its payment.
    async fn place(
        &self,
        user: &str,
        asked: &OrderRequest,
        locale: Locale,
    ) -> Result<Order, OrderFailure> {
        let mut items = Vec::with_capacity(asked.items.len());
        for item in &asked.items {
            let product = self
                .services
                .product(&item.operator_id, &item.product_id, item.date)
                .await?
                .ok_or_else(|| {
                    Invalid::new(
                        "items",
                        format!(
                            "{} is not sold by {} on {}",
                            item.product_id, item.operator_id, item.date
                        ),
                    )
                })?;
            items.push(OrderItem {
                operator_id: item.operator_id.clone(),
                product_id: item.product_id.clone(),
                name: product.name,
                date: item.date,
                keycard_id: item.keycard_id.clone(),
                price: product.price,
            });
        }
        for keycard_id in distinct(items.iter().map(|item| item.keycard_id.as_str())) {
            let keycard = self.services.keycard(keycard_id).await?;
            let keycard = keycard
                .filter(|keycard| keycard.owner == user)
                .ok_or_else(|| OrderError::NoKeycard(keycard_id.to_owned()))?;
            if !keycard.bookable() {
                return Err(OrderError::KeycardNotReady(keycard_id.to_owned()).into());
            }
        }
        let total = total(&items)?;
        let created = timestamp(now());
        let mut order = Order {
            order_id: OrderId::generate(),
            user_id: user.to_owned(),
            items,
            total,
            status: OrderStatus::PendingPayment,
            redirect_url: None,
            invoice_number: None,
            tickets: Vec::new(),
            refunded_items: Vec::new(),
            created_at: created.clone(),
            updated_at: created,
            paid_at: None,
            locale,
            version: 0,
        };
        if let Some(index) = self.store.take_slots(&order).await? {
            let item = &order.items[index];
            return Err(OrderError::DayTaken {
                keycard: item.keycard_id.clone(),
                operator: item.operator_id.clone(),
                date: item.date.to_string(),
            }
            .into());
        }
        self.store.save(&order).await?;
        match self.services.start_payment(&order).await {
            Ok(redirect_url) => {
                order.redirect_url = Some(redirect_url);
                order.version += 1;
                self.store.save(&order).await?;
                tracing::info!(event = "order.created", order_id = %order.order_id, items = order.items.len(), total_cents = order.total.amount_cents);
                Ok(order)
            }
            Err(err) => {
                order.status = OrderStatus::Cancelled;
                order.version += 1;
                self.store.save(&order).await?;
                let all: Vec<usize> = (0..order.items.len()).collect();
                self.store.free_slots(&order, &all).await?;
                Err(err.into())
            }
        }
    }

    /// 200 `{"orders": [...]}`, the caller's, newest first.
    pub(super) async fn list(&self, user: &str) -> Answer {
        let orders = self.store.orders_of(user).await?;
        let views: Vec<_> = orders.iter().map(Order::view).collect();
        Ok(json(StatusCode::OK, &json!({"orders": views})))
    }

    /// 200 with the caller's order.
    pub(super) async fn read(&self, user: &str, request: &Request) -> Answer {
        let order = self.own(user, &order_id(request)?).await?;
        Ok(json(StatusCode::OK, &order.view()))
    }

    /// 200 `cancelled` while the order waits for its payment; 409 after.
    pub(super) async fn cancel(&self, user: &str, request: &Request) -> Answer {
        let id = order_id(request)?;
        for _ in 0..ATTEMPTS {
            let mut order = self.own(user, &id).await?;
            if order.status == OrderStatus::Cancelled {
                return Ok(json(StatusCode::OK, &order.view()));
            }
            if !order.status.awaits_payment() {
                return Err(OrderError::NotCancellable.into());
            }
            order.status = OrderStatus::Cancelled;
            order.version += 1;
            order.updated_at = timestamp(now());
            if self.store.save(&order).await? {
                let all: Vec<usize> = (0..order.items.len()).collect();
                self.store.free_slots(&order, &all).await?;
                tracing::info!(event = "order.cancelled", order_id = %order.order_id);
                return Ok(json(StatusCode::OK, &order.view()));
            }
        }
        Err(OrderError::Contended.into())
    }

    /// 200 `application/pdf`: the invoice of the caller's completed order; 404 before.
    pub(super) async fn invoice(&self, user: &str, request: &Request) -> Answer {
        let order = self.own(user, &order_id(request)?).await?;
        let number = order
            .invoice_number
            .as_deref()
            .filter(|_| invoiced(&order))
            .ok_or(OrderError::NoInvoice)?;
        let pdf = self
            .invoices
            .get(number)
            .await?
            .ok_or(OrderError::NoInvoice)?;
        let mut response = Response::new(Body::Binary(pdf));
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/pdf"),
        );
        Ok(response)
    }

    /// The caller's order `id`; 404 for anyone else's, as for none.
    async fn own(&self, user: &str, id: &OrderId) -> Result<Order, OrderFailure> {
        self.store
            .order(id)
            .await?
            .filter(|order| order.user_id == user)
            .ok_or(OrderError::NotFound.into())
    }
}

fn order_id(request: &Request) -> Result<OrderId, OrderFailure> {
    OrderId::parse(&path_param(request, "order_id")?).map_err(|_| OrderError::NotFound.into())
}

fn distinct<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

/// The sum of the items' prices, all in one currency.
fn total(items: &[OrderItem]) -> Result<Money, OrderFailure> {
    let currency = items
        .first()
        .map(|item| item.price.currency.clone())
        .unwrap_or_default();
    if items.iter().any(|item| item.price.currency != currency) {
        return Err(Invalid::new("items", "are priced in more than one currency").into());
    }
    Ok(Money {
        amount_cents: items.iter().map(|item| item.price.amount_cents).sum(),
        currency,
    })
}
