//! Bookings: placed at SkiData by the one delivery that claims the external order id, then
//! polled until SkiData has booked or refused them, within the configured deadline; read and
//! cancelled by external order id. SkiData's outcome is stored only over a pending booking, so
//! a cancel is never overwritten by a stale `booked`.

use super::App;
use crate::domain::{Booking, BookingRequest, BookingStatus, CredentialsRef};
use crate::error::{DtaError, DtaFailure};
use crate::ports::{BookingStore, Skidata, StoredBooking};
use http::StatusCode;
use shared::http::{Body, Request, Response, json, json_body};
use shared::idempotency::Claim;
use shared::provider::{BookingError, booking_ref};
use tokio::time::Instant;

impl<S: BookingStore + Sync, P: Skidata + Sync> App<S, P> {
    /// `POST /dta/bookings`: 201 once booked, 200 if it was booked before.
    pub(super) async fn book(&self, request: &Request) -> Result<Response<Body>, DtaFailure> {
        let deadline = Instant::now() + self.config.booking_deadline;
        let asked: BookingRequest = json_body(request)?;
        asked.validate()?;
        let fingerprint = asked.fingerprint();
        let mut stored = self.placed(&asked, &fingerprint).await?;
        if stored.fingerprint != fingerprint {
            return Err(BookingError::IdReused.into());
        }
        if stored.booking.status != BookingStatus::Pending {
            return answer(stored.booking, false);
        }
        stored.booking.status = self
            .await_outcome(&asked.credentials, &stored.booking.order_id, deadline)
            .await?;
        if stored.booking.status != BookingStatus::Pending
            && !self.store.settle(&asked.credentials, &stored).await?
        {
            let settled = self
                .store
                .booking(&asked.credentials, &asked.external_order_id)
                .await?;
            return answer(settled.ok_or(BookingError::NotFound)?.booking, false);
        }
        answer(stored.booking, true)
    }

    /// The booking of `asked`, placed at SkiData by the one delivery that claims it; a claim
    /// completed before means it is stored.
    async fn placed(
        &self,
        asked: &BookingRequest,
        fingerprint: &str,
    ) -> Result<StoredBooking, DtaFailure> {
        let (credentials, id) = (&asked.credentials, &asked.external_order_id);
        let key = format!("CLAIM#{credentials}#{id}");
        let lease = match self.claims.claim(&key, &fingerprint).await? {
            Claim::Completed(_) => {
                let stored = self.store.booking(credentials, id).await?;
                return stored.ok_or(DtaError::ClaimWithoutBooking.into());
            }
            Claim::New(lease) | Claim::Resumed(lease) => lease,
        };
        let placed = self.place(asked, fingerprint).await;
        self.claims.end(&lease, &placed, &"placed").await;
        placed
    }

    async fn place(
        &self,
        asked: &BookingRequest,
        fingerprint: &str,
    ) -> Result<StoredBooking, DtaFailure> {
        let (credentials, id) = (&asked.credentials, &asked.external_order_id);
        if let Some(known) = self.store.booking(credentials, id).await? {
            return Ok(known);
        }
        let accepted = self.skidata.create_order(asked).await?;
        tracing::info!(event = "dta.order_placed", external_order_id = %id, order_id = %accepted.order_id);
        let stored = StoredBooking {
            booking: Booking {
                external_order_id: id.clone(),
                status: BookingStatus::Pending,
                order_id: accepted.order_id,
                confirmation_number: accepted.confirmation_number,
                items: asked.items.clone(),
            },
            fingerprint: fingerprint.to_owned(),
        };
        Ok(self
            .store
            .create(credentials, &stored)
            .await?
            .unwrap_or(stored))
    }

    /// Polls the order until it leaves `pending` or the deadline passes; `pending` then. The
    /// first pause is an eighth of the poll interval and each next one doubles up to it: most
    /// orders finish within a few hundred milliseconds, a slow one is not asked too often.
    async fn await_outcome(
        &self,
        credentials: &CredentialsRef,
        order_id: &str,
        deadline: Instant,
    ) -> Result<BookingStatus, DtaFailure> {
        let mut pause = self.config.poll_interval / 8;
        loop {
            let state = self.skidata.order(credentials, order_id).await?;
            let status = state.status.ours();
            if status != BookingStatus::Pending || Instant::now() + pause > deadline {
                return Ok(status);
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(self.config.poll_interval);
        }
    }

    /// The stored booking the request's path and credentials name.
    async fn find(&self, request: &Request) -> Result<(CredentialsRef, StoredBooking), DtaFailure> {
        let (credentials, id) = booking_ref(request)?;
        let stored = self.store.booking(&credentials, &id).await?;
        Ok((credentials, stored.ok_or(BookingError::NotFound)?))
    }

    /// `GET /dta/bookings/{externalOrderId}?credentials=`: refreshed from SkiData while pending.
    pub(super) async fn read(&self, request: &Request) -> Result<Response<Body>, DtaFailure> {
        let (credentials, mut stored) = self.find(request).await?;
        if stored.booking.status == BookingStatus::Pending {
            let state = self
                .skidata
                .order(&credentials, &stored.booking.order_id)
                .await?;
            if state.status.ours() != BookingStatus::Pending {
                stored.booking.status = state.status.ours();
                if !self.store.settle(&credentials, &stored).await? {
                    stored = self.find(request).await?.1;
                }
            }
        }
        Ok(json(StatusCode::OK, &stored.booking))
    }

    /// `DELETE /dta/bookings/{externalOrderId}?credentials=`: cancels at SkiData, once.
    pub(super) async fn cancel(&self, request: &Request) -> Result<Response<Body>, DtaFailure> {
        let (credentials, mut stored) = self.find(request).await?;
        if stored.booking.status != BookingStatus::Cancelled {
            let state = self
                .skidata
                .cancel_order(&credentials, &stored.booking.order_id)
                .await?;
            stored.booking.status = state.status.ours();
            self.store.save(&credentials, &stored).await?;
            tracing::info!(event = "dta.cancelled", external_order_id = %stored.booking.external_order_id, status = ?stored.booking.status);
        }
        Ok(json(StatusCode::OK, &stored.booking))
    }
}

/// The answer for a booking's status: 201 when `fresh`ly booked, 200 when booked before.
fn answer(booking: Booking, fresh: bool) -> Result<Response<Body>, DtaFailure> {
    match booking.status {
        BookingStatus::Booked if fresh => {
            tracing::info!(event = "dta.booked", external_order_id = %booking.external_order_id, order_id = %booking.order_id);
            Ok(json(StatusCode::CREATED, &booking))
        }
        BookingStatus::Booked => Ok(json(StatusCode::OK, &booking)),
        BookingStatus::Cancelled => Err(BookingError::Cancelled.into()),
        BookingStatus::Failed => Err(DtaError::Refused(booking.order_id).into()),
        BookingStatus::Pending => Err(DtaError::Pending(booking.order_id).into()),
    }
}
