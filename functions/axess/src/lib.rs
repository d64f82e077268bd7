//! The axess service: the Axess DCI4WTP (SOAP) adapter. Only service tokens (audience `axess`,
//! role `service`) may call it; `credentials` names a set of Axess credentials in
//! `AXESS_CREDENTIALS`.
//!
//! | route | what |
//! |---|---|
//! | `GET /axess/products?credentials=REF&date=YYYY-MM-DD&pool_no=N&tickets=T:P,T:P` | the tariff of each ticket type `T` for person type `P`: `{date, products: [{pool_no, ticket_type_no, person_type_no, name, person_type_name, validity_days, price: {amount_cents, currency}}]}` |
//! | `POST /axess/bookings` | `{credentials, external_order_id, items: [{pool_no, ticket_type_no, person_type_no, valid_from, keycard: {chip_id, serial_number, luhn_number}}]}` → 201 with every ticket issued; 200 when issued before; 409 `external_order_id_reused`, `booking_in_progress` or `booking_cancelled`; 502 `booking_refused` (nothing issued: tickets issued before the refusal are cancelled again) or `booking_outcome_unknown`; 503 `booking_incomplete` when the invocation's deadline stopped it halfway (repeat it to resume) |
//! | `GET /axess/bookings/{externalOrderId}?credentials=REF` | the booking; 404 if unknown |
//! | `DELETE /axess/bookings/{externalOrderId}?credentials=REF` | cancels each ticket at Axess, also of a booking stopped halfway once no one works on it; repeating it changes nothing |
//! | `GET /axess/status` | the table, and whether Axess answers (no login: a status check opens no session) |
//!
//! A booking is `{external_order_id, status (issuing, issued, cancelled, unknown), items,
//! tickets: [{item, project_no, pos_no, serial_no, journal_no, cancelled}]}`. Issuing a ticket
//! is not idempotent at Axess, so it is never repeated blindly: an issue without an answer
//! leaves the booking `unknown` for reconciliation. A booking is claimed with a lease
//! (`shared::idempotency`, `AXESS_LEASE_MS`); it stops before the invocation's deadline
//! (`AXESS_ISSUE_RESERVE_MS` before it) and the next delivery, or one after the lease of a
//! function that died, resumes it. Provider failures answer 502
//! (`provider_error`, `provider_fault`, `provider_refused`, `provider_malformed_answer`), 503
//! (`provider_unavailable`, `provider_unreachable`) or 504 (`provider_timeout`).

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
