//! The providers behind the facade: each operator's provider link picks the adapter, and the
//! adapter's answers become the normalised products and bookings.

use super::rest::{AdapterClient, Call};
use super::wire::{AxessBooking, DtaBooking, Products, axess_product, dta_product};
use crate::domain::{
    Booking, BookingItem, Day, ExternalOrderId, Operator, Product, ProviderLink, ProviderRef,
};
use crate::ports::{AdapterError, Providers};
use http::{Method, StatusCode};
use serde_json::{Value, json};
use shared::values::{AxessTariff, SkidataProduct};

/// The dta and axess adapters over REST.
pub struct HttpProviders {
    client: AdapterClient,
}

fn service(link: &ProviderLink) -> &'static str {
    match link {
        ProviderLink::Dta { .. } => "dta",
        ProviderLink::Axess { .. } => "axess",
    }
}

fn item_json(item: &BookingItem, provider: &ProviderRef) -> Value {
    match provider {
        ProviderRef::Dta {
            product_id,
            consumer_category_id,
        } => json!({
            "product_id": product_id, "consumer_category_id": consumer_category_id,
            "valid_from": item.date, "keycard": item.keycard,
        }),
        ProviderRef::Axess {
            pool_no,
            ticket_type_no,
            person_type_no,
        } => json!({
            "pool_no": pool_no, "ticket_type_no": ticket_type_no, "person_type_no": person_type_no,
            "valid_from": item.date, "keycard": item.keycard,
        }),
    }
}

impl HttpProviders {
    pub fn new(client: AdapterClient) -> Self {
        Self { client }
    }

    async fn booking_call(
        &self,
        operator: &Operator,
        call: Call<'_>,
    ) -> Result<(Booking, bool), AdapterError> {
        let (status, booking) = match operator.provider {
            ProviderLink::Dta { .. } => {
                let (status, body) = self.client.send::<DtaBooking>(call).await?;
                (status, body.normalise(&operator.id))
            }
            ProviderLink::Axess { .. } => {
                let (status, body) = self.client.send::<AxessBooking>(call).await?;
                (status, body.normalise(&operator.id))
            }
        };
        Ok((booking, status == StatusCode::CREATED))
    }

    fn by_id(&self, operator: &Operator, method: Method, id: &ExternalOrderId) -> Call<'static> {
        let service = service(&operator.provider);
        Call {
            service,
            method,
            path: format!("/{service}/bookings/{id}"),
            query: vec![("credentials", operator.provider.credentials().to_string())],
            body: None,
        }
    }

    async fn status_of(&self, service: &'static str) -> Result<(), String> {
        let call = Call {
            service,
            method: Method::GET,
            path: format!("/{service}/status"),
            query: vec![],
            body: None,
        };
        self.client
            .send::<Value>(call)
            .await
            .map(|_| ())
            .map_err(|err| err.to_string())
    }
}

/// Products whose prices hold up, or the adapter's answer is malformed.
fn checked(service: &'static str, products: Vec<Product>) -> Result<Vec<Product>, AdapterError> {
    match products
        .iter()
        .try_for_each(|product| product.price.check())
    {
        Ok(()) => Ok(products),
        Err(invalid) => Err(AdapterError::Malformed(service, invalid.to_string())),
    }
}

impl Providers for HttpProviders {
    async fn products(&self, operator: &Operator, day: Day) -> Result<Vec<Product>, AdapterError> {
        let credentials = operator.provider.credentials().to_string();
        match &operator.provider {
            ProviderLink::Dta { .. } => {
                let call = Call {
                    service: "dta",
                    method: Method::GET,
                    path: "/dta/products".into(),
                    query: vec![("credentials", credentials), ("date", day.to_string())],
                    body: None,
                };
                let (_, answer) = self.client.send::<Products<SkidataProduct>>(call).await?;
                checked(
                    "dta",
                    answer
                        .products
                        .into_iter()
                        .map(|p| dta_product(p, day))
                        .collect(),
                )
            }
            ProviderLink::Axess {
                pool_no,
                ticket_types,
                person_types,
                ..
            } => {
                let tickets: Vec<String> = ticket_types
                    .iter()
                    .flat_map(|t| {
                        person_types
                            .iter()
                            .map(move |p| format!("{t}:{}", p.person_type_no))
                    })
                    .collect();
                let call = Call {
                    service: "axess",
                    method: Method::GET,
                    path: "/axess/products".into(),
                    query: vec![
                        ("credentials", credentials),
                        ("date", day.to_string()),
                        ("pool_no", pool_no.to_string()),
                        ("tickets", tickets.join(",")),
                    ],
                    body: None,
                };
                let (_, answer) = self.client.send::<Products<AxessTariff>>(call).await?;
                checked(
                    "axess",
                    answer
                        .products
                        .into_iter()
                        .map(|p| axess_product(p, day, person_types))
                        .collect(),
                )
            }
        }
    }

    async fn book(
        &self,
        operator: &Operator,
        id: &ExternalOrderId,
        items: &[(BookingItem, ProviderRef)],
    ) -> Result<(Booking, bool), AdapterError> {
        let service = service(&operator.provider);
        let body = json!({
            "credentials": operator.provider.credentials(),
            "external_order_id": id,
            "items": items.iter().map(|(item, provider)| item_json(item, provider)).collect::<Vec<_>>(),
        });
        let call = Call {
            service,
            method: Method::POST,
            path: format!("/{service}/bookings"),
            query: vec![],
            body: Some(&body),
        };
        self.booking_call(operator, call).await
    }

    async fn booking(
        &self,
        operator: &Operator,
        id: &ExternalOrderId,
    ) -> Result<Booking, AdapterError> {
        let call = self.by_id(operator, Method::GET, id);
        self.booking_call(operator, call)
            .await
            .map(|(booking, _)| booking)
    }

    async fn cancel(
        &self,
        operator: &Operator,
        id: &ExternalOrderId,
    ) -> Result<Booking, AdapterError> {
        let call = self.by_id(operator, Method::DELETE, id);
        self.booking_call(operator, call)
            .await
            .map(|(booking, _)| booking)
    }

    async fn check_dta(&self) -> Result<(), String> {
        self.status_of("dta").await
    }

    async fn check_axess(&self) -> Result<(), String> {
        self.status_of("axess").await
    }
}
