//! Bookings: one claim with a lease per external order id, then one ticket issued per item
//! (see `issuing`); read and cancelled by external order id.

use super::App;
use super::issuing::Issuing;
use crate::domain::{
    BookingRequest, BookingStatus, CredentialsRef, ExternalOrderId, StoredBooking,
};
use crate::error::{AxessError, AxessFailure};
use crate::ports::{Axess, BookingStore};
use http::StatusCode;
use shared::http::{Body, Request, Response, json, json_body};
use shared::idempotency::Claim;
use shared::provider::{BookingError, booking_ref};

/// The key of the claim on a booking, in the same table as the booking.
fn claim_key(credentials: &CredentialsRef, id: &ExternalOrderId) -> String {
    format!("CLAIM#{credentials}#{id}")
}

/// The answer for a booking that is no longer issuing.
fn settled(stored: StoredBooking) -> Result<Response<Body>, AxessFailure> {
    match stored.booking.status {
        BookingStatus::Issued => Ok(json(StatusCode::OK, &stored.booking)),
        BookingStatus::Cancelled => Err(BookingError::Cancelled.into()),
        BookingStatus::Issuing => Err(BookingError::InProgress.into()),
        BookingStatus::Unknown => Err(AxessError::OutcomeUnknown.into()),
    }
}

impl<S: BookingStore + Sync, P: Axess + Sync> App<S, P> {
    /// `POST /axess/bookings`: 201 once every ticket is issued, 200 if it was issued before; 503
    /// `booking_incomplete` when the invocation's deadline stopped it (repeat it to resume).
    pub(super) async fn book(&self, request: &Request) -> Result<Response<Body>, AxessFailure> {
        let deadline = shared::http::deadline(request);
        let asked: BookingRequest = json_body(request)?;
        asked.validate()?;
        let id = &asked.external_order_id;
        let fingerprint = asked.fingerprint();
        let lease = match self
            .claims
            .claim(&claim_key(&asked.credentials, id), &fingerprint)
            .await?
        {
            Claim::Completed(_) => {
                let stored = self.store.booking(&asked.credentials, id).await?;
                return settled(stored.ok_or(BookingError::InProgress)?);
            }
            Claim::New(lease) | Claim::Resumed(lease) => lease,
        };
        let work = Issuing::new(self, &asked.credentials, lease, deadline);
        match work.read(id).await? {
            Some(stored) if stored.fingerprint != fingerprint => {
                work.release().await;
                Err(BookingError::IdReused.into())
            }
            Some(stored) if stored.booking.status != BookingStatus::Issuing => {
                work.complete().await;
                settled(stored)
            }
            Some(stored) => work.resume(stored).await,
            None => work.resume(StoredBooking::issuing(&asked)).await,
        }
    }

    /// The stored booking the request names.
    async fn find(
        &self,
        request: &Request,
    ) -> Result<(CredentialsRef, StoredBooking), AxessFailure> {
        let (credentials, id) = booking_ref(request)?;
        let stored = self.store.booking(&credentials, &id).await?;
        Ok((credentials, stored.ok_or(BookingError::NotFound)?))
    }

    /// `GET /axess/bookings/{externalOrderId}?credentials=`.
    pub(super) async fn read(&self, request: &Request) -> Result<Response<Body>, AxessFailure> {
        let (_, stored) = self.find(request).await?;
        Ok(json(StatusCode::OK, &stored.booking))
    }

    /// `DELETE /axess/bookings/{externalOrderId}?credentials=`: cancels each ticket once, also of
    /// a booking stopped halfway once no one works on it; one request at a time cancels an
    /// issued booking (its own claim), a concurrent one is answered 409.
    pub(super) async fn cancel(&self, request: &Request) -> Result<Response<Body>, AxessFailure> {
        let (credentials, mut stored) = self.find(request).await?;
        if stored.booking.status == BookingStatus::Issuing {
            let key = claim_key(&credentials, &stored.booking.external_order_id);
            match self.claims.claim(&key, &stored.fingerprint).await? {
                Claim::New(lease) | Claim::Resumed(lease) => {
                    let work = Issuing::new(self, &credentials, lease, None);
                    return work.undo(&stored.booking.external_order_id).await;
                }
                Claim::Completed(_) => stored = self.find(request).await?.1,
            }
        }
        match stored.booking.status {
            BookingStatus::Cancelled => return Ok(json(StatusCode::OK, &stored.booking)),
            BookingStatus::Issuing => return Err(BookingError::InProgress.into()),
            BookingStatus::Unknown => return Err(AxessError::OutcomeUnknown.into()),
            BookingStatus::Issued => {}
        }
        let key = format!("CANCEL#{credentials}#{}", stored.booking.external_order_id);
        let lease = match self.claims.claim(&key, &"cancel").await? {
            Claim::New(lease) | Claim::Resumed(lease) => lease,
            Claim::Completed(_) => return self.read(request).await,
        };
        let cancelled = self.cancel_issued(&credentials, &mut stored).await;
        self.claims.end(&lease, &cancelled, &"cancelled").await;
        cancelled?;
        Ok(json(StatusCode::OK, &stored.booking))
    }

    /// Cancels an issued booking's tickets, under the one claim on its cancellation.
    async fn cancel_issued(
        &self,
        credentials: &CredentialsRef,
        stored: &mut StoredBooking,
    ) -> Result<(), AxessFailure> {
        self.cancel_tickets(credentials, stored).await?;
        stored.booking.status = BookingStatus::Cancelled;
        self.store.save(credentials, stored).await?;
        tracing::info!(event = "axess.cancelled", external_order_id = %stored.booking.external_order_id);
        Ok(())
    }
}
