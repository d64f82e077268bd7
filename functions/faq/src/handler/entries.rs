//! The entries: anyone reads a locale's; admins create, change (over the version they read)
//! and delete them.

use super::App;
use crate::domain::{Entry, EntryInput, FaqId, Locale, select};
use crate::error::{FaqError, FaqFailure};
use crate::ports::FaqStore;
use http::StatusCode;
use serde_json::json;
use shared::http::{
    ApiError, Body, Request, Response, empty, json, json_body, optional_query, path_param,
};
use time::OffsetDateTime;

type Answer = Result<Response<Body>, FaqFailure>;

fn path_id(request: &Request) -> Result<FaqId, FaqFailure> {
    Ok(FaqId::parse(&path_param(request, "id")?)?)
}

impl<S: FaqStore + Sync> App<S> {
    /// `GET /faq?locale=de|en`.
    pub(super) async fn list(&self, request: &Request) -> Answer {
        let locale = Locale::for_reader(optional_query(request, "locale"))?;
        let entries = self.store.entries().await?;
        let shown = select(&entries, locale);
        Ok(json(
            StatusCode::OK,
            &json!({"locale": locale, "entries": shown}),
        ))
    }

    /// `POST /faq` (admin): 201 with the new entry; 200 when the same was created before.
    pub(super) async fn create(&self, request: &Request) -> Answer {
        self.require_admin(request)?;
        let mut input: EntryInput = json_body(request)?;
        if input.version.is_some() {
            return Err(ApiError::invalid("a new entry has no version").into());
        }
        let id = input.id.take().unwrap_or_else(FaqId::new_random);
        let entry = input.into_entry(id, Locale::En, 1, OffsetDateTime::now_utc())?;
        match self.store.create(&entry).await? {
            None => {
                tracing::info!(event = "faq.created", faq_id = %entry.id, locale = ?entry.locale);
                Ok(json(StatusCode::CREATED, &entry))
            }
            Some(earlier) if earlier.version == 1 && earlier.same_as(&entry) => {
                Ok(json(StatusCode::OK, &earlier))
            }
            Some(_) => Err(FaqError::EntryExists.into()),
        }
    }

    /// `PUT /faq/{id}` (admin): the entry as sent, over the `version` read; 409 if it changed.
    pub(super) async fn update(&self, request: &Request) -> Answer {
        self.require_admin(request)?;
        let id = path_id(request)?;
        let mut input: EntryInput = json_body(request)?;
        if input.id.take().is_some_and(|body_id| body_id != id) {
            return Err(ApiError::invalid("the body's id differs from the path's").into());
        }
        let read = input
            .version
            .ok_or_else(|| ApiError::invalid("version is required: the version you read"))?;
        let current: Entry = self.store.entry(&id).await?.ok_or(FaqError::NoEntry)?;
        if current.version != read {
            return Err(FaqError::VersionConflict(read).into());
        }
        let entry = input.into_entry(id, current.locale, read + 1, OffsetDateTime::now_utc())?;
        if !self.store.replace(&entry, read).await? {
            return Err(FaqError::VersionConflict(read).into());
        }
        tracing::info!(event = "faq.updated", faq_id = %entry.id, version = entry.version);
        Ok(json(StatusCode::OK, &entry))
    }

    /// `DELETE /faq/{id}` (admin): 204.
    pub(super) async fn delete(&self, request: &Request) -> Answer {
        self.require_admin(request)?;
        let id = path_id(request)?;
        if !self.store.delete(&id).await? {
            return Err(FaqError::NoEntry.into());
        }
        tracing::info!(event = "faq.deleted", faq_id = %id);
        Ok(empty(StatusCode::NO_CONTENT))
    }
}
