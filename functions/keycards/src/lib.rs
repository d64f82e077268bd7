//! The keycards service: customers order personal keycards, the card supplier produces and
//! ships them, and the customer gets a mail when the supplier has the order and when the card
//! is shipped.
//!
//! | route | who | what |
//! |---|---|---|
//! | `POST /keycards` | customer | `{holder_name, birth_date: YYYY-MM-DD, shipping_address: {name?, street, postal_code, city, country}}` → 201 the keycard; 409 `too_many_open_keycards` with 5 not yet produced |
//! | `GET /keycards` | customer | `{"keycards": [...]}`, the caller's own, newest first |
//! | `GET /keycards/{keycard_id}` | customer; service | the caller's own keycard, 404 for anyone else's; with a service token (audience `keycards`, for the order service) any keycard, with its `owner` |
//! | `POST /keycards/webhook` | the supplier | status events, `X-Signature` over `X-Timestamp.body`; 401 for any failure; 204 otherwise |
//! | `GET /keycards/status` | anyone | the table and the supplier |
//!
//! A keycard is `{keycard_id, status, holder_name, birth_date, shipping_address, created_at,
//! updated_at, chip?}`; `status` is `ordering` (the supplier does not have it yet), `ordered`,
//! `in_production`, `produced`, `shipped` or `failed`; `chip` = `{chip_id, serial_number,
//! luhn_number}` from `produced` on, when tickets can be booked onto it.
//!
//! The keycard id is the supplier's `externalId`, and the supplier keeps one order per
//! external id, so an order sent twice (a retry, the sync) is one order. `keycards-sync`
//! (scheduled) orders what never reached the supplier and asks about keycards unchanged for
//! `KEYCARDS_SYNC_AFTER_MS`. Mails go to the `mail` queue as `SendMail` with message id
//! `<template>:<keycard_id>`; the customer's address comes from auth's service route.

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
