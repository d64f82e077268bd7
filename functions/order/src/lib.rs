//! The order service: customers order tickets of any lift operator onto their keycards, pay
//! through payment, and get them booked once the payment is confirmed.
//!
//! Routes (`order-api`, customer access token):
//! - `POST /orders` `{"items": [{"operator_id", "product_id", "date", "keycard_id"}]}` with an
//!   optional `Idempotency-Key` → 201 `{"order_id", "status": "pending_payment", "items":
//!   [{..., "name", "price"}], "total", "payment": {"redirect_url"}, "created_at"}`. Prices come
//!   from the facade (a price in the request is 400); 1 to 20 items from today (Vienna) to 180
//!   days ahead; keycards must be the caller's and `produced` or `shipped` (404 / 409
//!   `keycard_not_ready`); one ticket per keycard, operator and day across orders (409
//!   `keycard_day_taken`). The same key with the same items answers the same order; with
//!   other items 409 `idempotency_key_reused`.
//! - `GET /orders` (newest first), `GET /orders/{order_id}` (404 for anyone else's),
//!   `POST /orders/{order_id}/cancel` (while waiting for the payment; 409 after).
//! - `GET /orders/status`.
//!
//! `order-processor` consumes the `orders` queue (`PaymentConfirmed`, `PaymentFailed`): see
//! `handler::processing`. Keycards are read with a service token for `keycards`, payments
//! started and refunded with one for `payment`, bookings made with one for `liftoperator`.

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
