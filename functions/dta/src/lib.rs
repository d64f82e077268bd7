//! The dta service: the SkiData DTA adapter. Only service tokens (audience `dta`, role
//! `service`) may call it; `credentials` names a set of SkiData credentials in `DTA_CREDENTIALS`.
//!
//! | route | what |
//! |---|---|
//! | `GET /dta/products?credentials=REF&date=YYYY-MM-DD` | `{date, products: [{product_id, consumer_category_id, name, category, category_name, validity_days, price: {amount_cents, currency}}]}` |
//! | `POST /dta/bookings` | `{credentials, external_order_id, items: [{product_id, consumer_category_id, valid_from, keycard: {chip_id, serial_number, luhn_number}}]}` → 201 booking once SkiData reports it BOOKED; 200 when it was booked before; 409 `external_order_id_reused` when the id was used for other items, `booking_in_progress` while another request places it, `booking_cancelled`; 502 `booking_refused`; 504 `booking_pending` when SkiData has not finished in time (repeat it with the same id) |
//! | `GET /dta/bookings/{externalOrderId}?credentials=REF` | the booking, its status refreshed from SkiData while pending; 404 if unknown |
//! | `DELETE /dta/bookings/{externalOrderId}?credentials=REF` | cancels it at SkiData; the cancelled booking; repeating it changes nothing |
//! | `GET /dta/status` | the table and SkiData |
//!
//! A booking is `{external_order_id, status (pending, booked, cancelled, failed), order_id,
//! confirmation_number, items}`. Provider failures answer 502 (`provider_error`,
//! `provider_malformed_answer`, `provider_refused`), 503 (`provider_unavailable`,
//! `provider_unreachable`) or 504 (`provider_timeout`).

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
