//! An order: its priced items, where it stands, and what it took to get there.

use super::{Day, Invalid, Money};
use serde::{Deserialize, Serialize};
use shared::values::Locale;

/// An order's id, Mpay24's `Tid` too: `o` and 24 hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrderId(String);

impl OrderId {
    pub fn generate() -> Self {
        Self(format!(
            "o{}",
            &uuid::Uuid::new_v4().simple().to_string()[..24]
        ))
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let ok = raw.len() == 25
            && raw.starts_with('o')
            && raw[1..]
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
        if !ok {
            return Err(Invalid::new("order_id", "is not an order id"));
        }
        Ok(Self(raw.to_owned()))
    }
}

shared::parsed_text!(OrderId);

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    PendingPayment,
    PaymentFailed,
    Cancelled,
    Paid,
    Completed,
    PartiallyRefunded,
    Refunded,
}

impl OrderStatus {
    /// Whether a payment may still change it: before it is paid or given up.
    pub fn awaits_payment(self) -> bool {
        matches!(self, Self::PendingPayment | Self::PaymentFailed)
    }
}

/// One ticket of an order, priced when it was ordered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderItem {
    pub operator_id: String,
    pub product_id: String,
    pub name: String,
    pub date: Day,
    pub keycard_id: String,
    pub price: Money,
}

/// A ticket on a keycard: the item it is for and the provider's reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub item: usize,
    pub provider_reference: Option<String>,
}

/// An order as stored, changed under its `version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub order_id: OrderId,
    pub user_id: String,
    pub items: Vec<OrderItem>,
    pub total: Money,
    pub status: OrderStatus,
    pub redirect_url: Option<String>,
    /// Absent until numbered: the numbering transaction's condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    pub tickets: Vec<Ticket>,
    /// Items whose operator refused them, refunded.
    pub refunded_items: Vec<usize>,
    pub created_at: String,
    pub updated_at: String,
    /// When the payment was confirmed (RFC 3339).
    pub paid_at: Option<String>,
    /// The language of the customer's mails, from the order's `Accept-Language`.
    #[serde(default)]
    pub locale: Locale,
    pub version: u64,
}

impl Order {
    /// The customer's view (`POST`/`GET /orders`).
    pub fn view(&self) -> serde_json::Value {
        let mut view = serde_json::json!({
            "order_id": self.order_id, "status": self.status, "items": self.items,
            "total": self.total, "created_at": self.created_at,
        });
        if let Some(url) = &self.redirect_url
            && self.status.awaits_payment()
        {
            view["payment"] = serde_json::json!({"redirect_url": url});
        }
        if let Some(number) = &self.invoice_number {
            view["invoice_number"] = number.clone().into();
        }
        if !self.tickets.is_empty() {
            view["tickets"] = serde_json::to_value(&self.tickets).unwrap_or_default();
        }
        view
    }

    /// The items of one operator, with their index, in order.
    pub fn items_of(&self, operator_id: &str) -> Vec<(usize, &OrderItem)> {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.operator_id == operator_id)
            .collect()
    }

    /// Every operator of the order, once each, in the order of their first item.
    pub fn operators(&self) -> Vec<String> {
        let mut operators: Vec<String> = Vec::new();
        for item in &self.items {
            if !operators.contains(&item.operator_id) {
                operators.push(item.operator_id.clone());
            }
        }
        operators
    }

    /// Whether every item of `operator_id` has its ticket or was refunded.
    pub fn settled(&self, operator_id: &str) -> bool {
        self.items_of(operator_id).iter().all(|(index, _)| {
            self.refunded_items.contains(index)
                || self.tickets.iter().any(|ticket| ticket.item == *index)
        })
    }

    /// The status once every item is settled: completed, or refunded in part or whole.
    pub fn finished(&self) -> OrderStatus {
        match self.refunded_items.len() {
            0 => OrderStatus::Completed,
            n if n == self.items.len() => OrderStatus::Refunded,
            _ => OrderStatus::PartiallyRefunded,
        }
    }

    /// The external order id of the booking at `operator_id`: the same on every retry.
    pub fn booking_id(&self, operator_id: &str) -> String {
        format!("{}-{operator_id}", self.order_id)
    }
}
