//! `POST /keycards/webhook`: the supplier's status events, signed; duplicates and late events
//! are answered 204 and move nothing backwards.

use super::App;
use crate::domain::KeycardId;
use crate::error::KeycardsFailure;
use crate::ports::{KeycardStore, Notifier, Supplier};
use http::StatusCode;
use shared::http::{ApiError, Body, Request, Response, empty, header};

impl<S: KeycardStore + Sync, P: Supplier + Sync, N: Notifier + Sync> App<S, P, N> {
    /// Verifies the signature on the raw body (401 for any failure, without saying which),
    /// then applies the event; an event about no keycard of ours is acknowledged and logged.
    pub(super) async fn webhook(
        &self,
        request: &Request,
    ) -> Result<Response<Body>, KeycardsFailure> {
        let body = request.body().as_ref();
        self.config.signature.verify(
            header(request, "x-timestamp"),
            header(request, "x-signature"),
            body,
            time::OffsetDateTime::now_utc().unix_timestamp(),
        )?;
        let (external_id, card) = self
            .supplier
            .event(body)
            .map_err(|err| ApiError::invalid(format!("the event is not valid: {err}")))?;
        let keycard = match KeycardId::parse(&external_id) {
            Ok(id) => self.store.keycard(&id).await?,
            Err(_) => None,
        };
        let Some(keycard) = keycard else {
            tracing::warn!(
                event = "keycard.unknown_event",
                external_id = %shared::provider::excerpt(external_id.as_bytes()),
                card_order_id = %card.card_order_id,
                "a signed event about no keycard of ours"
            );
            return Ok(empty(StatusCode::NO_CONTENT));
        };
        self.apply(keycard, &card).await?;
        Ok(empty(StatusCode::NO_CONTENT))
    }
}
