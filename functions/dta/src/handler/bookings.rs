//! Bookings: placed at SkiData by external order id, then polled until SkiData has booked or
//! refused them, within the configured deadline; read and cancelled by external order id.

use super::{App, credentials};
use crate::domain::{Booking, BookingRequest, BookingStatus, CredentialsRef, ExternalOrderId};
use crate::error::DtaError;
use crate::ports::{BookingStore, Skidata, StoredBooking};
use http::StatusCode;
use shared::http::{Body, Request, Response, json, json_body, path_param};
use tokio::time::Instant;

/// `POST /dta/bookings`: 201 once booked, 200 if it was booked before.
pub async fn book<P, S>(app: &App<P, S>, request: &Request) -> Result<Response<Body>, DtaError>
where
    P: Skidata + Sync,
    S: BookingStore + Sync,
{
    let deadline = Instant::now() + app.config.booking_deadline;
    let asked: BookingRequest = json_body(request)?;
    asked.validate()?;
    let fingerprint = asked.fingerprint();
    let known = app
        .store
        .booking(&asked.credentials, &asked.external_order_id)
        .await?;
    if let Some(known) = &known {
        if known.fingerprint != fingerprint {
            return Err(DtaError::IdReused);
        }
        match known.booking.status {
            BookingStatus::Booked => return Ok(json(StatusCode::OK, &known.booking)),
            BookingStatus::Cancelled => return Err(DtaError::Cancelled),
            BookingStatus::Failed => return Err(DtaError::Refused(known.booking.order_id.clone())),
            BookingStatus::Pending => {}
        }
    }
    let mut stored = match known {
        Some(pending) => pending,
        None => {
            let accepted = app.skidata.create_order(&asked).await?;
            tracing::info!(event = "dta.order_placed", external_order_id = %asked.external_order_id, order_id = %accepted.order_id);
            let stored = StoredBooking {
                booking: Booking {
                    external_order_id: asked.external_order_id.clone(),
                    status: BookingStatus::Pending,
                    order_id: accepted.order_id,
                    confirmation_number: accepted.confirmation_number,
                    items: asked.items.clone(),
                },
                fingerprint,
            };
            app.store.save(&asked.credentials, &stored).await?;
            stored
        }
    };
    stored.booking.status =
        await_outcome(app, &asked.credentials, &stored.booking.order_id, deadline).await?;
    app.store.save(&asked.credentials, &stored).await?;
    let booking = stored.booking;
    match booking.status {
        BookingStatus::Booked => {
            tracing::info!(event = "dta.booked", external_order_id = %booking.external_order_id, order_id = %booking.order_id);
            Ok(json(StatusCode::CREATED, &booking))
        }
        BookingStatus::Cancelled => Err(DtaError::Cancelled),
        BookingStatus::Failed => Err(DtaError::Refused(booking.order_id)),
        BookingStatus::Pending => Err(DtaError::Pending(booking.order_id)),
    }
}

/// Polls the order until it leaves `pending` or the deadline passes; `pending` then.
async fn await_outcome<P, S>(
    app: &App<P, S>,
    credentials: &CredentialsRef,
    order_id: &str,
    deadline: Instant,
) -> Result<BookingStatus, DtaError>
where
    P: Skidata + Sync,
{
    loop {
        let state = app.skidata.order(credentials, order_id).await?;
        let status = state.status.ours();
        if status != BookingStatus::Pending || Instant::now() + app.config.poll_interval > deadline
        {
            return Ok(status);
        }
        tokio::time::sleep(app.config.poll_interval).await;
    }
}

async fn stored<S: BookingStore + Sync>(
    store: &S,
    request: &Request,
) -> Result<(CredentialsRef, StoredBooking), DtaError> {
    let credentials = credentials(request)?;
    let id = ExternalOrderId::parse(&path_param(request, "externalOrderId")?)?;
    let stored = store
        .booking(&credentials, &id)
        .await?
        .ok_or(DtaError::NotFound)?;
    Ok((credentials, stored))
}

/// `GET /dta/bookings/{externalOrderId}?credentials=`: refreshed from SkiData while pending.
pub async fn read<P, S>(app: &App<P, S>, request: &Request) -> Result<Response<Body>, DtaError>
where
    P: Skidata + Sync,
    S: BookingStore + Sync,
{
    let (credentials, mut stored) = stored(&app.store, request).await?;
    if stored.booking.status == BookingStatus::Pending {
        let state = app
            .skidata
            .order(&credentials, &stored.booking.order_id)
            .await?;
        if state.status.ours() != BookingStatus::Pending {
            stored.booking.status = state.status.ours();
            app.store.save(&credentials, &stored).await?;
        }
    }
    Ok(json(StatusCode::OK, &stored.booking))
}

/// `DELETE /dta/bookings/{externalOrderId}?credentials=`: cancels at SkiData, once.
pub async fn cancel<P, S>(app: &App<P, S>, request: &Request) -> Result<Response<Body>, DtaError>
where
    P: Skidata + Sync,
    S: BookingStore + Sync,
{
    let (credentials, mut stored) = stored(&app.store, request).await?;
    if stored.booking.status != BookingStatus::Cancelled {
        let state = app
            .skidata
            .cancel_order(&credentials, &stored.booking.order_id)
            .await?;
        stored.booking.status = state.status.ours();
        app.store.save(&credentials, &stored).await?;
        tracing::info!(event = "dta.cancelled", external_order_id = %stored.booking.external_order_id, status = ?stored.booking.status);
    }
    Ok(json(StatusCode::OK, &stored.booking))
}
