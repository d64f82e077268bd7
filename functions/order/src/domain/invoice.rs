//! Invoices: numbered gap-free within a calendar year (`2026-000001`), the seller's, listing
//! each ticket delivered with its gross price and the VAT it includes.

use super::{Money, Order, OrderStatus};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `n`th invoice of `year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceNumber {
    pub year: i32,
    pub n: u64,
}

impl fmt::Display for InvoiceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:06}", self.year, self.n)
    }
}

/// Who sells: the invoice's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seller {
    pub name: String,
    pub address: String,
    pub vat_id: String,
    /// The VAT rate in percent that gross prices include.
    pub vat_percent: u32,
}

/// One line of an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceLine {
    pub text: String,
    pub gross: Money,
}

/// An invoice of the tickets an order delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    pub number: String,
    pub order_id: String,
    pub date: String,
    pub lines: Vec<InvoiceLine>,
    pub gross: Money,
    /// The VAT the gross total includes, rounded to the cent.
    pub vat: Money,
}

impl Invoice {
    /// The invoice of `order`'s delivered tickets (refunded items are not on it); `None` before
    /// the order is numbered.
    pub fn of(order: &Order, seller: &Seller) -> Option<Self> {
        let number = order.invoice_number.clone()?;
        let lines: Vec<InvoiceLine> = order
            .items
            .iter()
            .enumerate()
            .filter(|(index, _)| !order.refunded_items.contains(index))
            .map(|(_, item)| InvoiceLine {
                text: format!(
                    "{}, {} ({}), keycard {}",
                    item.name, item.date, item.operator_id, item.keycard_id
                ),
                gross: item.price.clone(),
            })
            .collect();
        let cents: i64 = lines.iter().map(|line| line.gross.amount_cents).sum();
        let rate = i64::from(seller.vat_percent);
        let vat_cents = (cents * rate + (100 + rate) / 2) / (100 + rate);
        let currency = order.total.currency.clone();
        Some(Self {
            number,
            order_id: order.order_id.to_string(),
            date: order
                .paid_at
                .clone()
                .unwrap_or_default()
                .chars()
                .take(10)
                .collect(),
            lines,
            gross: Money {
                amount_cents: cents,
                currency: currency.clone(),
            },
            vat: Money {
                amount_cents: vat_cents,
                currency,
            },
        })
    }
}

/// Whether an order's invoice can be read: it is finished and numbered.
pub fn invoiced(order: &Order) -> bool {
    order.invoice_number.is_some()
        && matches!(
            order.status,
            OrderStatus::Completed | OrderStatus::PartiallyRefunded
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invoice_number_is_the_year_and_six_digits() {
        assert_eq!(
            InvoiceNumber { year: 2026, n: 1 }.to_string(),
            "2026-000001"
        );
        assert_eq!(
            InvoiceNumber {
                year: 2027,
                n: 1234567
            }
            .to_string(),
            "2027-1234567"
        );
    }
}
