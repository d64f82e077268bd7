//! Work on a booking under its lease. Axess does not deduplicate issues, so each issue is
//! recorded before it is sent and its ticket after: a later delivery that finds an issue
//! recorded but no ticket knows its outcome is unknown and never repeats it. Issuing stops
//! before the invocation's deadline, leaving the booking resumable; a definite refusal undoes
//! the tickets issued so far and frees the id; a missing answer marks the booking `unknown`.

use super::App;
use crate::domain::{BookingStatus, CredentialsRef, ExternalOrderId, IssuedTicket, StoredBooking};
use crate::error::{AxessError, AxessFailure};
use crate::ports::{Axess, BookingStore, ProviderError, StoreError, nothing_done};
use http::StatusCode;
use shared::http::{Body, Failure, Response, cause_chain, json};
use shared::idempotency::Lease;
use shared::provider::BookingError;
use tokio::time::Instant;

/// One delivery's work on one booking, holding its claim's lease.
pub struct Issuing<'a, S, P> {
    app: &'a App<S, P>,
    credentials: &'a CredentialsRef,
    lease: Lease,
    deadline: Option<Instant>,
}

impl<'a, S: BookingStore + Sync, P: Axess + Sync> Issuing<'a, S, P> {
    pub fn new(
        app: &'a App<S, P>,
        credentials: &'a CredentialsRef,
        lease: Lease,
        deadline: Option<Instant>,
    ) -> Self {
        Self {
            app,
            credentials,
            lease,
            deadline,
        }
    }

    /// The stored booking; on failure the lease is suspended for the next delivery.
    pub async fn read(&self, id: &ExternalOrderId) -> Result<Option<StoredBooking>, AxessFailure> {
        match self.app.store.booking(self.credentials, id).await {
            Ok(found) => Ok(found),
            Err(err) => Err(self.suspend(err).await),
        }
    }

    async fn save(&self, stored: &StoredBooking) -> Result<(), AxessFailure> {
        match self.app.store.save(self.credentials, stored).await {
            Ok(()) => Ok(()),
            Err(err) => Err(self.suspend(err).await),
        }
    }

    async fn suspend(&self, err: StoreError) -> AxessFailure {
        if let Err(suspend) = self.app.claims.suspend(&self.lease).await {
            tracing::warn!(event = "axess.suspend_failed", key = self.lease.key(), error = %cause_chain(&suspend));
        }
        Failure::Store(err)
    }

    /// Ends the claim: the booking is settled (issued, cancelled or unknown).
    pub async fn complete(&self) {
        if let Err(err) = self.app.claims.complete(&self.lease, &"settled").await {
            tracing::warn!(event = "axess.complete_failed", key = self.lease.key(), error = %cause_chain(&err));
        }
    }

    /// Gives the claim up: nothing was issued under it.
    pub async fn release(&self) {
        if let Err(err) = self.app.claims.release(&self.lease).await {
            tracing::warn!(event = "axess.release_failed", key = self.lease.key(), error = %cause_chain(&err));
        }
    }

    fn out_of_time(&self) -> bool {
        self.deadline
            .is_some_and(|deadline| Instant::now() + self.app.config.issue_reserve > deadline)
    }

    /// Issues the items not issued yet, one by one, saving after each.
    pub async fn resume(&self, mut stored: StoredBooking) -> Result<Response<Body>, AxessFailure> {
        if stored.attempt.is_some() {
            return Err(self.died(stored).await);
        }
        while let Some(index) = stored.next_item() {
            if self.out_of_time() {
                if let Err(err) = self.app.claims.suspend(&self.lease).await {
                    tracing::warn!(event = "axess.suspend_failed", key = self.lease.key(), error = %cause_chain(&err));
                }
                tracing::warn!(event = "axess.booking_incomplete", external_order_id = %stored.booking.external_order_id, issued = index);
                return Err(AxessError::Incomplete {
                    issued: index,
                    of: stored.booking.items.len(),
                }
                .into());
            }
            stored.attempt = Some(index);
            self.save(&stored).await?;
            let item = &stored.booking.items[index];
            let id = &stored.booking.external_order_id;
            match self
                .app
                .axess
                .issue(self.credentials, id, index, item)
                .await
            {
                Ok(ticket) => {
                    stored.booking.tickets.push(ticket);
                    stored.attempt = None;
                    if let Err(err) = self.app.store.save(self.credentials, &stored).await {
                        return Err(self.unsaved(stored, err).await);
                    }
                }
                Err(err) => return Err(self.abandon(stored, err).await),
            }
        }
        stored.booking.status = BookingStatus::Issued;
        self.save(&stored).await?;
        self.complete().await;
        tracing::info!(event = "axess.booked", external_order_id = %stored.booking.external_order_id, tickets = stored.booking.tickets.len());
        Ok(json(StatusCode::CREATED, &stored.booking))
    }

    /// The last ticket was issued but could not be recorded: it is cancelled again, so that the
    /// booking stays as recorded; its numbers are logged in case the cancel fails too.
    async fn unsaved(&self, mut stored: StoredBooking, err: StoreError) -> AxessFailure {
        let id = stored.booking.external_order_id.clone();
        let Some(ticket) = stored.booking.tickets.pop() else {
            return self.suspend(err).await;
        };
        tracing::error!(event = "axess.ticket_unsaved", external_order_id = %id, item = ticket.item, project_no = ticket.project_no, pos_no = ticket.pos_no, serial_no = ticket.serial_no, journal_no = ticket.journal_no, error = %cause_chain(&err));
        match self.app.axess.cancel(self.credentials, &ticket).await {
            Ok(()) => {
                tracing::info!(event = "axess.unsaved_ticket_cancelled", external_order_id = %id, serial_no = ticket.serial_no);
                stored.attempt = None;
                if let Err(again) = self.app.store.save(self.credentials, &stored).await {
                    tracing::error!(event = "axess.save_failed", external_order_id = %id, error = %cause_chain(&again));
                }
            }
            Err(cancel) => {
                tracing::error!(event = "axess.booking_outcome_unknown", external_order_id = %id, serial_no = ticket.serial_no, error = %cause_chain(&cancel), "an unsaved Axess ticket needs reconciliation");
            }
        }
        self.suspend(err).await
    }

    /// A booking whose last issue was sent by a delivery that died before recording its answer.
    async fn died(&self, stored: StoredBooking) -> AxessFailure {
        let why = "an earlier delivery died while issuing";
        self.unknown(stored, why, AxessError::OutcomeUnknown).await
    }

    /// Ends a booking whose issue failed: undone and freed when Axess certainly did nothing,
    /// `unknown` otherwise.
    async fn abandon(&self, mut stored: StoredBooking, err: ProviderError) -> AxessFailure {
        if !nothing_done(&err) {
            let why = err.to_string();
            return self.unknown(stored, &why, AxessError::Provider(err)).await;
        }
        stored.attempt = None;
        if let Err(undo) = self.app.cancel_tickets(self.credentials, &mut stored).await {
            tracing::error!(event = "axess.undo_failed", external_order_id = %stored.booking.external_order_id, error = %cause_chain(&undo));
            let why = err.to_string();
            return self.unknown(stored, &why, AxessError::Provider(err)).await;
        }
        let id = &stored.booking.external_order_id;
        if let Err(forget) = self.app.store.forget(self.credentials, id).await {
            let why = format!(
                "undone, but could not be forgotten: {}",
                cause_chain(&forget)
            );
            return self.unknown(stored, &why, AxessError::OutcomeUnknown).await;
        }
        self.release().await;
        let failure = match err {
            ProviderError::Refused { .. } | ProviderError::Fault { .. } => AxessError::Refused(err),
            other => AxessError::Provider(other),
        };
        failure.into()
    }

    /// Marks the booking `unknown` for reconciliation and settles its claim; `answer` is the
    /// error to give once that is recorded.
    async fn unknown(
        &self,
        mut stored: StoredBooking,
        why: &str,
        answer: AxessError,
    ) -> AxessFailure {
        let id = stored.booking.external_order_id.clone();
        stored.booking.status = BookingStatus::Unknown;
        tracing::error!(event = "axess.booking_outcome_unknown", external_order_id = %id, item = ?stored.attempt, why, "an Axess booking needs reconciliation");
        if let Err(err) = self.app.store.save(self.credentials, &stored).await {
            return self.suspend(err).await;
        }
        self.complete().await;
        answer.into()
    }

    /// Cancels what a booking stopped halfway issued (read again now that the lease is ours).
    pub async fn undo(&self, id: &ExternalOrderId) -> Result<Response<Body>, AxessFailure> {
        let Some(mut stored) = self.read(id).await? else {
            self.release().await;
            return Err(BookingError::NotFound.into());
        };
        match stored.booking.status {
            BookingStatus::Cancelled => {
                self.complete().await;
                return Ok(json(StatusCode::OK, &stored.booking));
            }
            BookingStatus::Unknown => {
                self.complete().await;
                return Err(AxessError::OutcomeUnknown.into());
            }
            BookingStatus::Issuing if stored.attempt.is_some() => {
                return Err(self.died(stored).await);
            }
            BookingStatus::Issuing | BookingStatus::Issued => {}
        }
        if let Err(err) = self.app.cancel_tickets(self.credentials, &mut stored).await {
            if let Err(suspend) = self.app.claims.suspend(&self.lease).await {
                tracing::warn!(event = "axess.suspend_failed", key = self.lease.key(), error = %cause_chain(&suspend));
            }
            return Err(err);
        }
        stored.booking.status = BookingStatus::Cancelled;
        self.save(&stored).await?;
        self.complete().await;
        tracing::info!(event = "axess.cancelled", external_order_id = %id, halfway = true);
        Ok(json(StatusCode::OK, &stored.booking))
    }
}

impl<S: BookingStore + Sync, P: Axess + Sync> App<S, P> {
    /// Cancels each ticket not cancelled yet at Axess, saving after each.
    pub(super) async fn cancel_tickets(
        &self,
        credentials: &CredentialsRef,
        stored: &mut StoredBooking,
    ) -> Result<(), AxessFailure> {
        for index in 0..stored.booking.tickets.len() {
            let ticket: &IssuedTicket = &stored.booking.tickets[index];
            if ticket.cancelled {
                continue;
            }
            self.axess.cancel(credentials, ticket).await?;
            stored.booking.tickets[index].cancelled = true;
            self.store.save(credentials, stored).await?;
        }
        Ok(())
    }
}
