//! The dta and axess adapters' JSON, as this facade sends and reads it, and its translation
//! into the normalised products and bookings.

use crate::domain::Product;
use crate::domain::{
    Booking, BookingStatus, Category, Day, ExternalOrderId, Keycard, Money, OperatorId, PersonType,
    Provider, ProviderRef, Ticket, Validity,
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Products<T> {
    pub products: Vec<T>,
}

#[derive(Deserialize)]
pub struct DtaProduct {
    pub product_id: String,
    pub consumer_category_id: String,
    pub name: String,
    pub category: Category,
    pub category_name: String,
    pub validity_days: u16,
    pub price: Money,
}

impl DtaProduct {
    pub fn normalise(self, day: Day) -> Product {
        let provider = ProviderRef::Dta {
            product_id: self.product_id,
            consumer_category_id: self.consumer_category_id,
        };
        Product {
            product_id: provider.product_id(),
            name: self.name,
            category: self.category,
            category_name: self.category_name,
            validity: Validity {
                from: day,
                days: self.validity_days,
            },
            price: self.price,
            provider,
        }
    }
}

#[derive(Deserialize)]
pub struct AxessTariff {
    pub pool_no: u32,
    pub ticket_type_no: u32,
    pub person_type_no: u32,
    pub name: String,
    pub person_type_name: String,
    pub validity_days: u16,
    pub price: Money,
}

impl AxessTariff {
    pub fn normalise(self, day: Day, person_types: &[PersonType]) -> Product {
        let category = person_types
            .iter()
            .find(|p| p.person_type_no == self.person_type_no)
            .map_or(Category::Other, |p| p.category);
        let provider = ProviderRef::Axess {
            pool_no: self.pool_no,
            ticket_type_no: self.ticket_type_no,
            person_type_no: self.person_type_no,
        };
        Product {
            product_id: provider.product_id(),
            name: self.name,
            category,
            category_name: self.person_type_name,
            validity: Validity {
                from: day,
                days: self.validity_days,
            },
            price: self.price,
            provider,
        }
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
