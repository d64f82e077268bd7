//! A payment: one per order, its amount, Mpay24's transaction, and where it stands.

use super::{Invalid, Money, Refund, RefundStatus};
use serde::{Deserialize, Serialize};
use shared::values::is_word;

/// Mpay24's limit on a `Tid`.
const MAX_ORDER_ID: usize = 32;
/// The longest description shown on the payment page.
const MAX_DESCRIPTION: usize = 100;

/// An order's id as Mpay24's `Tid`: 1 to 32 letters, digits, '-' or '_'.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrderId(String);

impl OrderId {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        if !is_word(raw, MAX_ORDER_ID, b"-_") {
            return Err(Invalid::new(
                "order_id",
                "must be 1 to 32 letters, digits, '-' or '_'",
            ));
        }
        Ok(Self(raw.to_owned()))
    }
}

shared::parsed_text!(OrderId);

/// Where a payment stands. Billed is final; a failed payment may still be paid later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Pending,
    Billed,
    Failed,
}

/// `POST /payments` from the order service.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartRequest {
    pub order_id: OrderId,
    pub amount_cents: i64,
    pub currency: String,
    #[serde(default)]
    pub description: String,
}

impl StartRequest {
    /// The amount as money, and the description checked.
    pub fn validate(&self) -> Result<Money, Invalid> {
        let money = Money {
            amount_cents: self.amount_cents,
            currency: self.currency.clone(),
        };
        money.check()?;
        if money.amount_cents == 0 {
            return Err(Invalid::new("amount_cents", "must be more than 0"));
        }
        if self.description.chars().count() > MAX_DESCRIPTION
            || self.description.chars().any(char::is_control)
        {
            return Err(Invalid::new(
                "description",
                format!("must be at most {MAX_DESCRIPTION} characters, none of them control"),
            ));
        }
        Ok(money)
    }
}

/// A payment as stored: one per order, changed under its `version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub order_id: OrderId,
    pub price: Money,
    pub description: String,
    /// Mpay24's transaction id, once it has one.
    pub mpay_tid: Option<String>,
    pub status: PaymentStatus,
    /// The last outcome the order service was told of.
    pub told: Option<PaymentStatus>,
    pub refunds: Vec<Refund>,
    pub version: u64,
    pub updated_at: String,
}

/// What Mpay24's own answer about a transaction means for the stored payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// It agrees with the payment and moves it to this status.
    Move(PaymentStatus),
    /// It agrees, and says nothing that changes the payment (reserved, credited, ...).
    Keep,
    /// It disagrees with the payment: amount, currency, order or transaction differ.
    Mismatch(String),
}

impl Payment {
    /// A new pending payment of `price` for `order_id`.
    pub fn new(order_id: OrderId, price: Money, description: String, now: String) -> Self {
        Self {
            order_id,
            price,
            description,
            mpay_tid: None,
            status: PaymentStatus::Pending,
            told: None,
            refunds: Vec::new(),
            version: 0,
            updated_at: now,
        }
    }

    /// Judges Mpay24's parameters of this payment's transaction (`TransactionStatus`).
    pub fn judge(&self, mpay24: &Transaction) -> Verdict {
        let stored_tid = self.mpay_tid.as_deref();
        if mpay24.tid != self.order_id.as_str() {
            return Verdict::Mismatch(format!("TID {:?} is another order", mpay24.tid));
        }
        if stored_tid.is_some_and(|tid| tid != mpay24.mpay_tid) {
            return Verdict::Mismatch("MPAYTID is not this payment's transaction".into());
        }
        if mpay24.price_cents != self.price.amount_cents || mpay24.currency != self.price.currency {
            return Verdict::Mismatch(format!(
                "{} {} is not the {} {} asked for",
                mpay24.price_cents, mpay24.currency, self.price.amount_cents, self.price.currency
            ));
        }
        let next = match mpay24.status.as_str() {
            "BILLED" => PaymentStatus::Billed,
            "ERROR" => PaymentStatus::Failed,
            _ => return Verdict::Keep,
        };
        match (self.status, next) {
            (PaymentStatus::Billed, _) => Verdict::Keep,
            (current, next) if current == next => Verdict::Keep,
            (_, next) => Verdict::Move(next),
        }
    }

    /// How much may still be refunded: the price less every refund not refused.
    pub fn refundable_cents(&self) -> i64 {
        let taken: i64 = self
            .refunds
            .iter()
            .filter(|refund| refund.status != RefundStatus::Refused)
            .map(|refund| refund.amount_cents)
            .sum();
        self.price.amount_cents - taken
    }
}

/// Mpay24's view of a transaction, as `TransactionStatus` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    pub tid: String,
    pub mpay_tid: String,
    /// `BILLED`, `ERROR`, `RESERVED`, `CREDITED`, ...
    pub status: String,
    pub price_cents: i64,
    pub currency: String,
}

#[cfg(test)]
mod tests;
