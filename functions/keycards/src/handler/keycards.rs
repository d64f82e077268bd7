//! A customer's keycards: ordering one, listing theirs, reading one; and the service route
//! that lets another service read any keycard with its owner.

use super::App;
use crate::domain::{
    Keycard, KeycardId, KeycardRequest, Locale, MAX_OPEN_PER_CUSTOMER, NewKeycard, Status, now,
};
use crate::error::{KeycardsError, KeycardsFailure};
use crate::ports::{KeycardStore, Notifier, Supplier};
use http::StatusCode;
use shared::http::{Body, Request, Response, header, json, json_body, path_param};
use shared::token::Role;

type Answer = Result<Response<Body>, KeycardsFailure>;

impl<S: KeycardStore + Sync, P: Supplier + Sync, N: Notifier + Sync> App<S, P, N> {
    /// `POST /keycards`: 201 with the keycard, ordered at the supplier if it answered, else
    /// `ordering` until the sync orders it; 409 with five keycards on order already.
    pub(super) async fn order(&self, request: &Request) -> Answer {
        let caller = self.config.verifier.authorize(request, Role::Customer)?;
        let asked: KeycardRequest = json_body(request)?;
        let new = NewKeycard::parse(asked, time::OffsetDateTime::now_utc().date())?;
        let owned = self.store.owned_by(&caller.subject).await?;
        if owned.iter().filter(|k| k.status.is_open()).count() >= MAX_OPEN_PER_CUSTOMER {
            return Err(KeycardsError::TooManyOpen(MAX_OPEN_PER_CUSTOMER).into());
        }
        let created = now();
        let keycard = Keycard {
            keycard_id: KeycardId::generate(),
            owner: caller.subject,
            status: Status::Ordering,
            holder_name: new.holder_name,
            birth_date: new.birth_date,
            shipping_address: new.shipping_address,
            locale: Locale::from_accept_language(header(request, "accept-language")),
            card_order_id: None,
            chip: None,
            created_at: created.clone(),
            updated_at: created,
            version: 1,
        };
        self.store.create(&keycard).await?;
        tracing::info!(event = "keycard.created", keycard_id = %keycard.keycard_id);
        let keycard = match self.place(keycard.clone()).await {
            Ok(placed) => placed,
            Err(err) => {
                tracing::warn!(
                    event = "keycard.order_deferred",
                    keycard_id = %keycard.keycard_id,
                    error = %shared::http::cause_chain(&err),
                    "the sync will order it"
                );
                keycard
            }
        };
        Ok(json(StatusCode::CREATED, &keycard.view()))
    }

    /// `GET /keycards`: the caller's keycards, newest first.
    pub(super) async fn list(&self, request: &Request) -> Answer {
        let caller = self.config.verifier.authorize(request, Role::Customer)?;
        let owned = self.store.owned_by(&caller.subject).await?;
        let views: Vec<_> = owned.iter().map(Keycard::view).collect();
        Ok(json(
            StatusCode::OK,
            &serde_json::json!({"keycards": views}),
        ))
    }

    /// `GET /keycards/{keycard_id}`: the caller's own keycard (404 for anyone else's); with a
    /// service token (audience `keycards`) any keycard, with its `owner`.
    pub(super) async fn read(&self, request: &Request) -> Answer {
        let caller = self.config.verifier.authenticate(request)?;
        caller.require_any(&[Role::Customer, Role::Service])?;
        let id = KeycardId::parse(&path_param(request, "keycard_id")?)
            .map_err(|_| KeycardsError::NotFound)?;
        let keycard = self
            .store
            .keycard(&id)
            .await?
            .ok_or(KeycardsError::NotFound)?;
        if caller.has(Role::Service) {
            return Ok(json(StatusCode::OK, &keycard.service_view()));
        }
        if keycard.owner != caller.subject {
            return Err(KeycardsError::NotFound.into());
        }
        Ok(json(StatusCode::OK, &keycard.view()))
    }
}
