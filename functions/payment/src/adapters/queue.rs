//! Payment outcomes on the `orders` queue, as `PaymentConfirmed` or `PaymentFailed`.

use crate::domain::{Payment, PaymentStatus};
use crate::ports::{Orders, QueueError};
use shared::messages::{PaymentConfirmed, PaymentFailed};
use shared::queue::Queue;

impl Orders for Queue {
    async fn tell(&self, payment: &Payment) -> Result<(), QueueError> {
        let order_id = payment.order_id.to_string();
        let payment_id = payment.mpay_tid.clone().unwrap_or_default();
        match payment.status {
            PaymentStatus::Billed => {
                self.send(&PaymentConfirmed::V1 {
                    order_id,
                    payment_id,
                    amount_cents: payment.price.amount_cents,
                    currency: payment.price.currency.clone(),
                })
                .await
            }
            PaymentStatus::Failed => {
                self.send(&PaymentFailed::V1 {
                    order_id,
                    payment_id,
                })
                .await
            }
            PaymentStatus::Pending => Ok(()),
        }
    }

    async fn check(&self) -> Result<(), String> {
        Queue::check(self).await
    }
}
