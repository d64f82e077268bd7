//! `POST /payments/{order_id}/refunds` (service): `{refund_id, amount_cents}` credited back with
//! Mpay24's `ManualCredit` once per refund id. A refund is reserved against the payment before
//! Mpay24 is asked, so concurrent refunds never add up to more than was paid; one Mpay24 did
//! not answer is never repeated but left `unknown` for a person to reconcile.

use super::{ATTEMPTS, App, now};
use crate::domain::{OrderId, Payment, PaymentStatus, Refund, RefundRequest, RefundStatus};
use crate::error::{PaymentError, PaymentFailure};
use crate::ports::{Mpay24, Orders, PaymentStore, ProviderError};
use http::StatusCode;
use shared::http::{Body, Request, Response, json, json_body, path_param};
use std::time::Duration;

/// A refund still pending after this was left by a request that died: its outcome is unknown.
const PENDING_TIMEOUT: Duration = Duration::from_secs(60);

fn stale(refund: &Refund) -> bool {
    use time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(&refund.requested_at, &Rfc3339).map_or(true, |at| {
        time::OffsetDateTime::now_utc() - at > PENDING_TIMEOUT
    })
}

/// What reserving a refund found.
enum Reserved {
    /// It was credited before.
    Done(Refund),
    /// It is reserved now, for this request to ask Mpay24.
    Ours(Payment),
}

impl<S: PaymentStore + Sync, P: Mpay24 + Sync, Q: Orders + Sync> App<S, P, Q> {
    /// 200 `{refund_id, amount_cents, status: "credited"}`, also when repeated.
    pub(super) async fn refund(&self, request: &Request) -> Result<Response<Body>, PaymentFailure> {
        let order_id = OrderId::parse(&path_param(request, "order_id")?)?;
        let asked: RefundRequest = json_body(request)?;
        asked.validate()?;
        let payment = match self.reserve(&order_id, &asked).await? {
            Reserved::Done(refund) => return Ok(json(StatusCode::OK, &refund)),
            Reserved::Ours(payment) => payment,
        };
        let mpay_tid = payment.mpay_tid.clone().unwrap_or_default();
        let credited = self.mpay24.credit(&mpay_tid, asked.amount_cents).await;
        let status = match &credited {
            Ok(()) => RefundStatus::Credited,
            Err(ProviderError::Refused { .. } | ProviderError::Fault { .. }) => {
                RefundStatus::Refused
            }
            Err(_) => RefundStatus::Unknown,
        };
        let refund = self.settle(&order_id, &asked, status).await?;
        match credited {
            Ok(()) => {
                tracing::info!(event = "payment.refunded", order_id = %order_id, refund_id = %asked.refund_id, amount_cents = asked.amount_cents);
                Ok(json(StatusCode::OK, &refund))
            }
            Err(err) if status == RefundStatus::Refused => {
                Err(PaymentError::RefundRefused(err).into())
            }
            Err(err) => {
                let error = shared::http::cause_chain(&err);
                tracing::error!(event = "payment.refund_unknown", order_id = %order_id, refund_id = %asked.refund_id, error, "a refund needs reconciliation with Mpay24");
                Err(PaymentError::RefundUnknown.into())
            }
        }
    }

    /// Reserves the refund against the billed payment, unless it was asked for before.
    async fn reserve(
        &self,
        order_id: &OrderId,
        asked: &RefundRequest,
    ) -> Result<Reserved, PaymentFailure> {
        for _ in 0..ATTEMPTS {
            let mut payment = self
                .store
                .payment(order_id)
                .await?
                .ok_or(PaymentError::NotFound)?;
            if payment.status != PaymentStatus::Billed {
                return Err(PaymentError::NotPaid.into());
            }
            let earlier = payment
                .refunds
                .iter()
                .position(|refund| refund.refund_id == asked.refund_id);
            if let Some(index) = earlier {
                let refund = &payment.refunds[index];
                if refund.amount_cents != asked.amount_cents {
                    return Err(PaymentError::RefundIdReused.into());
                }
                match refund.status {
                    RefundStatus::Credited => return Ok(Reserved::Done(refund.clone())),
                    RefundStatus::Pending if !stale(refund) => {
                        return Err(PaymentError::RefundInProgress.into());
                    }
                    RefundStatus::Pending | RefundStatus::Unknown => {
                        return Err(PaymentError::RefundUnknown.into());
                    }
                    RefundStatus::Refused => {
                        payment.refunds.remove(index);
                    }
                }
            }
            let left = payment.refundable_cents();
            if asked.amount_cents > left {
                return Err(PaymentError::RefundTooLarge { left }.into());
            }
            payment.refunds.push(Refund {
                refund_id: asked.refund_id.clone(),
                amount_cents: asked.amount_cents,
                status: RefundStatus::Pending,
                requested_at: now(),
            });
            payment.version += 1;
            if self.store.save(&payment).await? {
                return Ok(Reserved::Ours(payment));
            }
        }
        Err(PaymentError::Contended.into())
    }

    /// Records Mpay24's outcome of the reserved refund.
    async fn settle(
        &self,
        order_id: &OrderId,
        asked: &RefundRequest,
        status: RefundStatus,
    ) -> Result<Refund, PaymentFailure> {
        for _ in 0..ATTEMPTS {
            let mut payment = self
                .store
                .payment(order_id)
                .await?
                .ok_or(PaymentError::NotFound)?;
            let Some(refund) = payment
                .refunds
                .iter_mut()
                .find(|refund| refund.refund_id == asked.refund_id)
            else {
                return Err(PaymentError::NotFound.into());
            };
            refund.status = status;
            let refund = refund.clone();
            payment.version += 1;
            if self.store.save(&payment).await? {
                return Ok(refund);
            }
        }
        Err(PaymentError::Contended.into())
    }
}
