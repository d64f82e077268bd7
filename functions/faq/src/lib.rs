//! The faq service: questions and answers in German and English.
//!
//! | route | who | what |
//! |---|---|---|
//! | `GET /faq?locale=de\|en` | anyone | `{locale, entries: [{id, locale, category, question, answer, position, updated_at, version}]}` ordered by category and position |
//! | `POST /faq` | admin | `{id?, locale?, category, question, answer, position}` → 201; the same again → 200; another entry under that id → 409 `faq_exists` |
//! | `PUT /faq/{id}` | admin | the same with the `version` read → 200 with the next version; 409 `version_conflict` when it changed since; 404 if unknown |
//! | `DELETE /faq/{id}` | admin | 204; 404 if unknown |
//! | `GET /faq/status` | anyone | the table |
//!
//! An entry is written in one locale (`en` unless said). A reader gets the entries of the
//! locale asked for; where that locale has no entry at a category and position, the English
//! one stands in (the fallback locale), and a locale we do not write (`fr`) reads English.
//! `category` is a slug (`tickets`) that the front end names; answers are plain text with
//! Markdown allowed, stored and answered as written and never rendered as HTML here.

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
