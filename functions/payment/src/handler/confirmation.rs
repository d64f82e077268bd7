//! `GET /payments/confirmation`: Mpay24's callback, never trusted on its own. Only what Mpay24
//! answers to `TransactionStatus` counts, and only when it agrees with the stored payment in
//! order, transaction, amount and currency; a billed payment never moves back. The order
//! service is told each outcome at least once (`PaymentConfirmed` or `PaymentFailed`).

use super::{ATTEMPTS, App, now};
use crate::domain::{OrderId, Payment, PaymentStatus, Verdict};
use crate::error::{PaymentError, PaymentFailure};
use crate::ports::{Mpay24, Orders, PaymentStore};
use http::StatusCode;
use serde_json::json;
use shared::http::{Body, Request, Response, json, query_param};

impl<S: PaymentStore + Sync, P: Mpay24 + Sync, Q: Orders + Sync> App<S, P, Q> {
    /// 200 `{order_id, status}` as verified; 400 when Mpay24 disagrees, 404 for an unknown order.
    pub(super) async fn confirm(
        &self,
        request: &Request,
    ) -> Result<Response<Body>, PaymentFailure> {
        let order_id = OrderId::parse(query_param(request, "TID")?)?;
        for _ in 0..ATTEMPTS {
            let mut payment = self
                .store
                .payment(&order_id)
                .await?
                .ok_or(PaymentError::NotFound)?;
            let transaction = self
                .mpay24
                .transaction(&order_id)
                .await?
                .ok_or(PaymentError::Unconfirmed)?;
            match payment.judge(&transaction) {
                Verdict::Mismatch(why) => {
                    tracing::warn!(event = "payment.confirmation_refused", order_id = %order_id, why);
                    return Err(PaymentError::Mismatch(why).into());
                }
                Verdict::Keep => {}
                Verdict::Move(status) => {
                    payment.status = status;
                    payment.mpay_tid = Some(transaction.mpay_tid.clone());
                    payment.version += 1;
                    payment.updated_at = now();
                    if !self.store.save(&payment).await? {
                        continue;
                    }
                    tracing::info!(event = "payment.verified", order_id = %order_id, status = ?status);
                }
            }
            let payment = self.tell(payment).await?;
            let answer = json!({"order_id": payment.order_id, "status": payment.status});
            return Ok(json(StatusCode::OK, &answer));
        }
        Err(PaymentError::Contended.into())
    }

    /// Tells the order service the payment's outcome unless it was told before. Telling comes
    /// before recording it, so a failure in between tells twice rather than never.
    async fn tell(&self, mut payment: Payment) -> Result<Payment, PaymentFailure> {
        if payment.status == PaymentStatus::Pending || payment.told == Some(payment.status) {
            return Ok(payment);
        }
        self.orders.tell(&payment).await?;
        payment.told = Some(payment.status);
        payment.version += 1;
        if !self.store.save(&payment).await? {
            tracing::info!(event = "payment.told_concurrently", order_id = %payment.order_id);
        }
        Ok(payment)
    }
}
