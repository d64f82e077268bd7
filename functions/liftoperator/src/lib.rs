//! The liftoperator service: the registry of lift operators, and the one facade the rest of
//! the system talks to for products, prices and bookings, whichever provider (SkiData DTA or
//! Axess) sells an operator's tickets. It calls the `dta` and `axess` adapters over REST at
//! `API_BASE_URL` with service tokens from auth.
//!
//! | route | who | what |
//! |---|---|---|
//! | `GET /liftoperators` | anyone | `{operators: [{id, name, region, location: {lat, lng}, provider}]}`, active ones |
//! | `GET /liftoperators/{id}` | anyone | one active operator; 404 otherwise |
//! | `GET /liftoperators/{id}/products?date=YYYY-MM-DD` | anyone | `{operator_id, date, products: [{product_id, name, category (adult, child, youth, senior, other), category_name, validity: {from, days}, price: {amount_cents, currency}, provider: {type: dta, product_id, consumer_category_id} or {type: axess, pool_no, ticket_type_no, person_type_no}}]}`, kept per operator and day for `PRODUCTS_CACHE_TTL_MS` (60 s) |
//! | `POST /liftoperators` | admin | `{id, name, region, location, provider, active?}` → 201; 409 `operator_exists` |
//! | `PUT /liftoperators/{id}` | admin | the same without `id` → 200 (without `active` the operator stays as active as it was); 404 if unknown |
//! | `DELETE /liftoperators/{id}` | admin | deactivates → 200 with the operator |
//! | `POST /liftoperators/{id}/bookings` | service | `{external_order_id, items: [{product_id, date, keycard: {chip_id, serial_number, luhn_number}}]}` → 201 booked now, 200 booked before (same external order id: one booking); 400 `unknown_product` |
//! | `GET /liftoperators/{id}/bookings/{externalOrderId}` | service | the booking, also of a deactivated operator |
//! | `DELETE /liftoperators/{id}/bookings/{externalOrderId}` | service | cancels it, also of a deactivated operator |
//! | `GET /liftoperator/status` | anyone | the table and the two adapters (`GET /<service>/status`, like every service's; an operator id `status` is refused) |
//!
//! `provider` is `{type: "dta", credentials}` or `{type: "axess", credentials, pool_no,
//! ticket_types: [n], person_types: [{person_type_no, category}]}`; `credentials` names a set
//! of credentials that the adapter holds, never a secret. A booking is `{operator_id,
//! external_order_id, provider, status (pending, booked, cancelled, failed, unknown),
//! confirmation, tickets: [{product_id, date, keycard, provider_reference}]}`. The adapters'
//! provider failures are passed on with their status (502, 503, 504) and code; the facade's own
//! failures to reach an adapter are `adapter_timeout` (504), `adapter_unreachable` (503),
//! `adapter_malformed_answer` (502) and `service_token_unavailable` (503).

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
