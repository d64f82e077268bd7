//! The dta and axess adapters' JSON, as this facade sends and reads it, and its translation
//! into the normalised products and bookings.

use crate::domain::Product;
use crate::domain::{
    Booking, BookingStatus, Category, Day, ExternalOrderId, Keycard, OperatorId, PersonType,
    Provider, ProviderRef, Ticket, Validity,
};
use serde::Deserialize;
use shared::values::{AxessTariff, SkidataProduct};

#[derive(Deserialize)]
pub struct Products<T> {
    pub products: Vec<T>,
}

/// A dta product as the facade shows it.
pub fn dta_product(product: SkidataProduct, day: Day) -> Product {
    let provider = ProviderRef::Dta {
        product_id: product.product_id,
        consumer_category_id: product.consumer_category_id,
    };
    Product {
        product_id: provider.product_id(),
        name: product.name,
        category: product.category,
        category_name: product.category_name,
        validity: Validity {
            from: day,
            days: product.validity_days,
        },
        price: product.price,
        provider,
    }
}

/// An axess tariff as the facade shows it, in the category the operator gives its person type.
pub fn axess_product(tariff: AxessTariff, day: Day, person_types: &[PersonType]) -> Product {
    let category = person_types
        .iter()
        .find(|p| p.person_type_no == tariff.person_type_no)
        .map_or(Category::Other, |p| p.category);
    let provider = ProviderRef::Axess {
        pool_no: tariff.pool_no,
        ticket_type_no: tariff.ticket_type_no,
        person_type_no: tariff.person_type_no,
    };
    Product {
        product_id: provider.product_id(),
        name: tariff.name,
        category,
        category_name: tariff.person_type_name,
        validity: Validity {
            from: day,
            days: tariff.validity_days,
        },
        price: tariff.price,
        provider,
    }
}

#[derive(Deserialize)]
pub struct DtaItem {
    pub product_id: String,
    pub consumer_category_id: String,
    pub valid_from: Day,
    pub keycard: Keycard,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DtaStatus {
    Pending,
    Booked,
    Cancelled,
    Failed,
}

#[derive(Deserialize)]
pub struct DtaBooking {
    pub external_order_id: ExternalOrderId,
    pub status: DtaStatus,
    pub order_id: String,
    pub confirmation_number: String,
    pub items: Vec<DtaItem>,
}

impl DtaBooking {
    pub fn normalise(self, operator_id: &OperatorId) -> Booking {
        let order_id = self.order_id;
        Booking {
            operator_id: operator_id.clone(),
            external_order_id: self.external_order_id,
            provider: Provider::Dta,
            status: match self.status {
                DtaStatus::Pending => BookingStatus::Pending,
                DtaStatus::Booked => BookingStatus::Booked,
                DtaStatus::Cancelled => BookingStatus::Cancelled,
                DtaStatus::Failed => BookingStatus::Failed,
            },
            confirmation: Some(self.confirmation_number),
            tickets: self
                .items
                .into_iter()
                .map(|item| Ticket {
                    product_id: format!("{}~{}", item.product_id, item.consumer_category_id),
                    date: item.valid_from,
                    keycard: item.keycard,
                    provider_reference: Some(order_id.clone()),
                })
                .collect(),
        }
    }
}

#[derive(Deserialize)]
pub struct AxessItem {
    pub pool_no: u32,
    pub ticket_type_no: u32,
    pub person_type_no: u32,
    pub valid_from: Day,
    pub keycard: Keycard,
}

#[derive(Deserialize)]
pub struct AxessTicket {
    pub item: usize,
    pub project_no: i64,
    pub pos_no: i64,
    pub serial_no: i64,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AxessStatus {
    Issuing,
    Issued,
    Cancelled,
    Unknown,
}

#[derive(Deserialize)]
pub struct AxessBooking {
    pub external_order_id: ExternalOrderId,
    pub status: AxessStatus,
    pub items: Vec<AxessItem>,
    pub tickets: Vec<AxessTicket>,
}

impl AxessBooking {
    pub fn normalise(self, operator_id: &OperatorId) -> Booking {
        let tickets = &self.tickets;
        Booking {
            operator_id: operator_id.clone(),
            external_order_id: self.external_order_id,
            provider: Provider::Axess,
            status: match self.status {
                AxessStatus::Issuing => BookingStatus::Pending,
                AxessStatus::Issued => BookingStatus::Booked,
                AxessStatus::Cancelled => BookingStatus::Cancelled,
                AxessStatus::Unknown => BookingStatus::Unknown,
            },
            confirmation: None,
            tickets: self
                .items
                .into_iter()
                .enumerate()
                .map(|(index, item)| Ticket {
                    product_id: format!(
                        "{}-{}-{}",
                        item.pool_no, item.ticket_type_no, item.person_type_no
                    ),
                    date: item.valid_from,
                    keycard: item.keycard,
                    provider_reference: tickets
                        .iter()
                        .find(|t| t.item == index)
                        .map(|t| format!("{}-{}-{}", t.project_no, t.pos_no, t.serial_no)),
                })
                .collect(),
        }
    }
}
