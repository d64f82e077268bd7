//! The products the ticket-provider adapters list, as they answer them and the facade reads
//! them: one shape per provider, priced in cents.

use super::{Category, Money};
use serde::{Deserialize, Serialize};

/// One SkiData product in one consumer category, priced for one day (`GET /dta/products`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkidataProduct {
    pub product_id: String,
    pub consumer_category_id: String,
    pub name: String,
    pub category: Category,
    pub category_name: String,
    pub validity_days: u16,
    pub price: Money,
}

/// The price of one Axess product on one day, with the names Axess gives it
/// (`GET /axess/products`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AxessTariff {
    pub pool_no: u32,
    pub ticket_type_no: u32,
    pub person_type_no: u32,
    pub name: String,
    pub person_type_name: String,
    pub validity_days: u16,
    pub price: Money,
}
