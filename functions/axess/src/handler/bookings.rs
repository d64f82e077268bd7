//! Bookings: claimed once per external order id, then one ticket issued per item. Axess does
//! not deduplicate issues, so nothing is repeated blindly: a definite refusal undoes the
//! tickets issued so far and frees the id; a missing answer marks the booking `unknown`.

use super::{App, credentials};
use crate::domain::{
    Booking, BookingRequest, BookingStatus, CredentialsRef, ExternalOrderId, StoredBooking,
};
use crate::error::AxessError;
use crate::ports::{Axess, BookingStore, ProviderError};
use http::StatusCode;
use shared::http::{Body, Request, Response, json, json_body, path_param};

/// `POST /axess/bookings`: 201 once every ticket is issued, 200 if it was issued before.
pub async fn book<P, S>(app: &App<P, S>, request: &Request) -> Result<Response<Body>, AxessError>
where
    P: Axess + Sync,
    S: BookingStore + Sync,
{
    let asked: BookingRequest = json_body(request)?;
    asked.validate()?;
    let mut stored = StoredBooking {
        booking: Booking {
            external_order_id: asked.external_order_id.clone(),
            status: BookingStatus::Issuing,
            items: asked.items.clone(),
            tickets: Vec::new(),
        },
        fingerprint: asked.fingerprint(),
    };
    if let Some(existing) = app.store.claim(&asked.credentials, &stored).await? {
        if existing.fingerprint != stored.fingerprint {
            return Err(AxessError::IdReused);
        }
        return match existing.booking.status {
            BookingStatus::Issued => Ok(json(StatusCode::OK, &existing.booking)),
            BookingStatus::Cancelled => Err(AxessError::Cancelled),
            BookingStatus::Issuing => Err(AxessError::InProgress),
            BookingStatus::Unknown => Err(AxessError::OutcomeUnknown),
        };
    }
    for (index, item) in asked.items.iter().enumerate() {
        match app
            .axess
            .issue(&asked.credentials, &asked.external_order_id, index, item)
            .await
        {
            Ok(ticket) => {
                stored.booking.tickets.push(ticket);
                app.store.save(&asked.credentials, &stored).await?;
            }
            Err(err) => return Err(abandon(app, &asked.credentials, stored, err).await),
        }
    }
    stored.booking.status = BookingStatus::Issued;
    app.store.save(&asked.credentials, &stored).await?;
    tracing::info!(event = "axess.booked", external_order_id = %asked.external_order_id, tickets = stored.booking.tickets.len());
    Ok(json(StatusCode::CREATED, &stored.booking))
}

/// Ends a booking whose issue failed: undone and freed when Axess certainly did nothing,
/// `unknown` otherwise.
async fn abandon<P, S>(
    app: &App<P, S>,
    credentials: &CredentialsRef,
    mut stored: StoredBooking,
    err: ProviderError,
) -> AxessError
where
    P: Axess + Sync,
    S: BookingStore + Sync,
{
    let id = stored.booking.external_order_id.clone();
    let mut undone = err.nothing_done();
    if undone {
        for ticket in stored.booking.tickets.iter_mut() {
            match app.axess.cancel(credentials, ticket).await {
                Ok(()) => ticket.cancelled = true,
                Err(cancel) => {
                    tracing::error!(event = "axess.undo_failed", external_order_id = %id, serial_no = ticket.serial_no, error = %cancel);
                    undone = false;
                    break;
                }
            }
        }
    }
    if undone {
        if let Err(release) = app.store.release(credentials, &id).await {
            tracing::error!(event = "axess.release_failed", external_order_id = %id, error = %shared::http::cause_chain(&release));
        }
        return match err {
            ProviderError::Refused { .. } | ProviderError::Fault { .. } => AxessError::Refused(err),
            other => AxessError::Provider(other),
        };
    }
    stored.booking.status = BookingStatus::Unknown;
    tracing::error!(event = "axess.booking_outcome_unknown", external_order_id = %id, error = %err, "an Axess booking needs reconciliation");
    if let Err(save) = app.store.save(credentials, &stored).await {
        tracing::error!(event = "axess.save_failed", external_order_id = %id, error = %shared::http::cause_chain(&save));
    }
    AxessError::Provider(err)
}

async fn stored<S: BookingStore + Sync>(
    store: &S,
    request: &Request,
) -> Result<(CredentialsRef, StoredBooking), AxessError> {
    let credentials = credentials(request)?;
    let id = ExternalOrderId::parse(&path_param(request, "externalOrderId")?)?;
    let stored = store
        .booking(&credentials, &id)
        .await?
        .ok_or(AxessError::NotFound)?;
    Ok((credentials, stored))
}

/// `GET /axess/bookings/{externalOrderId}?credentials=`.
pub async fn read<P, S>(app: &App<P, S>, request: &Request) -> Result<Response<Body>, AxessError>
where
    P: Axess + Sync,
    S: BookingStore + Sync,
{
    let (_, stored) = stored(&app.store, request).await?;
    Ok(json(StatusCode::OK, &stored.booking))
}

/// `DELETE /axess/bookings/{externalOrderId}?credentials=`: cancels each ticket once.
pub async fn cancel<P, S>(app: &App<P, S>, request: &Request) -> Result<Response<Body>, AxessError>
where
    P: Axess + Sync,
    S: BookingStore + Sync,
{
    let (credentials, mut stored) = stored(&app.store, request).await?;
    match stored.booking.status {
        BookingStatus::Cancelled => return Ok(json(StatusCode::OK, &stored.booking)),
        BookingStatus::Issuing => return Err(AxessError::InProgress),
        BookingStatus::Unknown => return Err(AxessError::OutcomeUnknown),
        BookingStatus::Issued => {}
    }
    for index in 0..stored.booking.tickets.len() {
        if stored.booking.tickets[index].cancelled {
            continue;
        }
        app.axess
            .cancel(&credentials, &stored.booking.tickets[index])
            .await?;
        stored.booking.tickets[index].cancelled = true;
        app.store.save(&credentials, &stored).await?;
    }
    stored.booking.status = BookingStatus::Cancelled;
    app.store.save(&credentials, &stored).await?;
    tracing::info!(event = "axess.cancelled", external_order_id = %stored.booking.external_order_id);
    Ok(json(StatusCode::OK, &stored.booking))
}
