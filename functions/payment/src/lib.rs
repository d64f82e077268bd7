//! The payment service: payments with Mpay24 for the order service.
//!
//! Routes (`payment-api`):
//! - `POST /payments` (service token, audience `payment`): `{order_id, amount_cents, currency,
//!   description?}` → 201 `{order_id, payment_id, redirect_url, status}`; Mpay24's
//!   `SelectPayment` with the order id as `Tid`, the shop's success and error pages
//!   (`SHOP_BASE_URL/orders/{id}?payment=success|error`) and our confirmation URL. Again for an
//!   unpaid order renews the session; a paid order is 409 `payment_completed`.
//! - `GET /payments/{order_id}` (service): the payment, its status and refunds.
//! - `GET /payments/confirmation?TID=...` (Mpay24, no token): verified with `TransactionStatus`;
//!   `BILLED` sends `PaymentConfirmed`, `ERROR` sends `PaymentFailed` to the `orders` queue.
//! - `POST /payments/{order_id}/refunds` (service): `{refund_id, amount_cents}` → `ManualCredit`
//!   once per refund id, partial amounts allowed, never more than was paid.
//! - `GET /payments/status`: the table, Mpay24 and the orders queue.

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
