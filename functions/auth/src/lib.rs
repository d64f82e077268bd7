//! The auth service: users, sign-up, login, access and refresh tokens, the published keys,
//! and client-credentials tokens for services.

pub mod adapters;
pub mod config;
pub mod domain;
pub mod error;
pub mod handler;
pub mod ports;
