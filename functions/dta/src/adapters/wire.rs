//! SkiData DTA's JSON, as sent and as received; received values are checked before use.

use crate::domain::{BookingItem, Invalid, Money, OrderStatus, Product, category_of};
use serde::{Deserialize, Serialize};
use shared::values::is_word;

/// More products than this in one answer is refused as implausible.
pub const MAX_PRODUCTS: usize = 500;

#[derive(Deserialize)]
pub struct ProductsAnswer {
    pub products: Vec<ProductWire>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductWire {
    pub id: String,
    pub name: String,
    pub validity: ValidityWire,
    pub consumer_categories: Vec<CategoryWire>,
}

#[derive(Deserialize)]
pub struct ValidityWire {
    pub unit: String,
    pub value: u16,
}

#[derive(Deserialize)]
pub struct CategoryWire {
    pub id: String,
    pub name: String,
    pub price: PriceWire,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceWire {
    pub amount_gross: serde_json::Number,
    pub currency_code: String,
}

fn checked_id(field: &'static str, raw: &str) -> Result<String, Invalid> {
    is_word(raw, 64, b"-_.")
        .then(|| raw.to_owned())
        .ok_or_else(|| Invalid::new(field, format!("{raw:?} is not an id")))
}

fn checked_name(field: &'static str, raw: &str) -> Result<String, Invalid> {
    let ok =
        !raw.trim().is_empty() && raw.chars().count() <= 120 && !raw.chars().any(char::is_control);
    ok.then(|| raw.trim().to_owned())
        .ok_or_else(|| Invalid::new(field, "is empty, too long or holds control characters"))
}

impl ProductsAnswer {
    /// Our products: one per product and consumer category, every value checked.
    pub fn into_products(self) -> Result<Vec<Product>, Invalid> {
        if self.products.len() > MAX_PRODUCTS {
            return Err(Invalid::new(
                "products",
                format!("more than {MAX_PRODUCTS}"),
            ));
        }
        let mut products = Vec::new();
        for product in self.products {
            let product_id = checked_id("products.id", &product.id)?;
            let name = checked_name("products.name", &product.name)?;
            if !product.validity.unit.eq_ignore_ascii_case("DAY")
                || !(1..=366).contains(&product.validity.value)
            {
                return Err(Invalid::new("products.validity", "must be 1 to 366 days"));
            }
            for category in product.consumer_categories {
                let price = Money::from_decimal(
                    &category.price.amount_gross.to_string(),
                    &category.price.currency_code,
                )?;
                products.push(Product {
                    product_id: product_id.clone(),
                    consumer_category_id: checked_id("consumerCategories.id", &category.id)?,
                    name: name.clone(),
                    category: category_of(&category.id),
                    category_name: checked_name("consumerCategories.name", &category.name)?,
                    validity_days: product.validity.value,
                    price,
                });
            }
        }
        Ok(products)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderRequest<'a> {
    pub external_order_id: &'a str,
    pub items: Vec<OrderItem<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderItem<'a> {
    pub product_id: &'a str,
    pub consumer_category_id: &'a str,
    pub quantity: u32,
    pub valid_from: String,
    pub identification: Identification<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Identification<'a> {
    pub chip_id: &'a str,
    pub serial_number: &'a str,
    pub luhn_number: &'a str,
}

impl<'a> OrderItem<'a> {
    pub fn from_item(item: &'a BookingItem) -> Self {
        Self {
            product_id: &item.product_id,
            consumer_category_id: &item.consumer_category_id,
            quantity: 1,
            valid_from: item.valid_from.to_string(),
            identification: Identification {
                chip_id: &item.keycard.chip_id,
                serial_number: &item.keycard.serial_number,
                luhn_number: &item.keycard.luhn_number,
            },
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderAccepted {
    pub order_id: String,
    pub confirmation_number: String,
    pub asynchronous_execution_token: ExecutionToken,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionToken {
    pub execution_id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderAnswer {
    pub order_id: String,
    pub status: OrderStatus,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorAnswer {
    pub error_code: String,
    pub message: String,
}

/// Checks an order id before it is put into a URL path or stored.
pub fn order_id(raw: &str) -> Result<String, Invalid> {
    checked_id("orderId", raw)
}
