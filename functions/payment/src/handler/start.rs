//! `POST /payments` and `GET /payments/{order_id}`: the order's payment session, opened or
//! renewed while it is unpaid, and where the payment stands.

use super::{ATTEMPTS, App, now, payment_at};
use crate::domain::{Payment, PaymentStatus, StartRequest};
use crate::error::{PaymentError, PaymentFailure};
use crate::ports::{Mpay24, Orders, PaymentStore};
use http::StatusCode;
use serde_json::json;
use shared::http::{Body, Request, Response, json, json_body};

impl<S: PaymentStore + Sync, P: Mpay24 + Sync, Q: Orders + Sync> App<S, P, Q> {
    /// 201 `{order_id, payment_id, redirect_url, status}`; 409 once the order is paid.
    pub(super) async fn start(&self, request: &Request) -> Result<Response<Body>, PaymentFailure> {
        let asked: StartRequest = json_body(request)?;
        let price = asked.validate()?;
        for _ in 0..ATTEMPTS {
            let mut payment = match self.store.payment(&asked.order_id).await? {
                Some(stored) if stored.status == PaymentStatus::Billed => {
                    return Err(PaymentError::AlreadyPaid.into());
                }
                Some(mut stored) => {
                    stored.version += 1;
                    stored.price = price.clone();
                    stored.description = asked.description.clone();
                    stored.updated_at = now();
                    stored
                }
                None => Payment::new(
                    asked.order_id.clone(),
                    price.clone(),
                    asked.description.clone(),
                    now(),
                ),
            };
            let session = self.mpay24.select_payment(&payment).await?;
            payment.mpay_tid = Some(session.mpay_tid.clone());
            if self.store.save(&payment).await? {
                tracing::info!(event = "payment.started", order_id = %payment.order_id, mpay_tid = %session.mpay_tid);
                let answer = json!({"order_id": payment.order_id, "payment_id": session.mpay_tid,
                    "redirect_url": session.location, "status": payment.status});
                return Ok(json(StatusCode::CREATED, &answer));
            }
        }
        Err(PaymentError::Contended.into())
    }

    /// 200 with the payment: its price, status and refunds.
    pub(super) async fn read(&self, request: &Request) -> Result<Response<Body>, PaymentFailure> {
        let payment = payment_at(&self.store, request).await?;
        Ok(json(StatusCode::OK, &payment))
    }
}
