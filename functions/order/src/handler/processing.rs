//! The `orders` queue: a confirmed payment books each operator's tickets through the facade
//! (one external order id per order and operator, so a repeat books nothing twice), refunds
//! what an operator refuses, numbers the invoice and completes the order; a failed payment
//! marks the order. A provider that is down fails the message, which comes back; once the
//! order has been paid for `ORDER_GIVE_UP_AFTER_MS` its unbooked items are refunded instead.

use super::{ATTEMPTS, App, now, timestamp};
use crate::domain::{Invoice, Money, Order, OrderId, OrderStatus, Ticket};
use crate::error::{OrderError, OrderFailure};
use crate::ports::{BookingItem, Invoices, OrderStore, ServiceError, Services};
use serde_json::json;
use shared::mail::UserMail;
use shared::messages::{OrdersMessage, PaymentConfirmed, PaymentFailed};
use time::format_description::well_known::Rfc3339;

impl<S: OrderStore + Sync, I: Invoices + Sync, A: Services + Sync> App<S, I, A> {
    /// Handles one message of the `orders` queue; an error sends it back for a retry.
    pub async fn process(&self, message: OrdersMessage) -> Result<(), OrderFailure> {
        match message {
            OrdersMessage::Confirmed(PaymentConfirmed::V1 {
                order_id,
                amount_cents,
                currency,
                ..
            }) => {
                let paid = Money {
                    amount_cents,
                    currency,
                };
                self.paid(&order_id, paid).await
            }
            OrdersMessage::Failed(PaymentFailed::V1 { order_id, .. }) => {
                self.payment_failed(&order_id).await
            }
        }
    }

    /// The order `raw_id`, or `None` (logged) when there is none: such a message is dropped.
    async fn known(&self, raw_id: &str) -> Result<Option<Order>, OrderFailure> {
        let order = match OrderId::parse(raw_id) {
            Ok(id) => self.store.order(&id).await?,
            Err(_) => None,
        };
        if order.is_none() {
            tracing::error!(
                event = "order.unknown_payment",
                order_id = raw_id,
                "a payment outcome for no order of ours"
            );
        }
        Ok(order)
    }

    async fn payment_failed(&self, raw_id: &str) -> Result<(), OrderFailure> {
        for _ in 0..ATTEMPTS {
            let Some(mut order) = self.known(raw_id).await? else {
                return Ok(());
            };
            if order.status != OrderStatus::PendingPayment {
                return Ok(());
            }
            order.status = OrderStatus::PaymentFailed;
            if self.saved(&mut order).await? {
                tracing::info!(event = "order.payment_failed", order_id = raw_id);
                return Ok(());
            }
        }
        Err(OrderError::Contended.into())
    }

    async fn paid(&self, raw_id: &str, paid: Money) -> Result<(), OrderFailure> {
        let Some(order) = self.known(raw_id).await? else {
            return Ok(());
        };
        if paid != order.total {
            tracing::error!(
                event = "order.payment_mismatch",
                order_id = raw_id,
                paid_cents = paid.amount_cents,
                total_cents = order.total.amount_cents,
                "a payment that is not the order's total; nothing done"
            );
            return Ok(());
        }
        let mut order = self.mark_paid(order).await?;
        if order.status != OrderStatus::Paid {
            return Ok(());
        }
        for operator in order.operators() {
            if !order.settled(&operator) {
                order = self.deliver(order, &operator).await?;
            }
        }
        self.finish(order).await
    }

    /// The order, paid now; a cancelled one is refunded whole instead.
    async fn mark_paid(&self, mut order: Order) -> Result<Order, OrderFailure> {
        for _ in 0..ATTEMPTS {
            match order.status {
                status if status.awaits_payment() => {
                    order.status = OrderStatus::Paid;
                    order.paid_at = Some(timestamp(now()));
                }
                OrderStatus::Cancelled => {
                    let refund_id = format!("{}-cancelled", order.order_id);
                    let total = order.total.amount_cents;
                    self.services
                        .refund(&order.order_id, &refund_id, total)
                        .await?;
                    order.refunded_items = (0..order.items.len()).collect();
                    order.status = OrderStatus::Refunded;
                    tracing::info!(event = "payment.refunded", order_id = %order.order_id, amount_cents = total, "paid after it was cancelled");
                }
                _ => return Ok(order),
            }
            if self.saved(&mut order).await? {
                return Ok(order);
            }
            order = self
                .store
                .order(&order.order_id)
                .await?
                .ok_or(OrderError::NotFound)?;
        }
        Err(OrderError::Contended.into())
    }

    /// Books the items of `operator`, or refunds them when the operator refuses (or stays
    /// down past the give-up time).
    async fn deliver(&self, mut order: Order, operator: &str) -> Result<Order, OrderFailure> {
        let items = order.items_of(operator);
        let mut booking = Vec::with_capacity(items.len());
        for (_, item) in &items {
            let keycard = self.services.keycard(&item.keycard_id).await?;
            let Some(chip) = keycard.and_then(|keycard| keycard.chip) else {
                return Err(OrderError::NoKeycard(item.keycard_id.clone()).into());
            };
            booking.push(BookingItem {
                product_id: item.product_id.clone(),
                date: item.date,
                keycard: chip,
            });
        }
        let indexes: Vec<usize> = items.iter().map(|(index, _)| *index).collect();
        let booking_id = order.booking_id(operator);
        match self.services.book(operator, &booking_id, &booking).await {
            Ok(references) => {
                for (n, index) in indexes.iter().enumerate() {
                    let provider_reference = references.get(n).cloned().flatten();
                    order.tickets.push(Ticket {
                        item: *index,
                        provider_reference,
                    });
                }
                tracing::info!(event = "order.booked", order_id = %order.order_id, operator, tickets = indexes.len());
            }
            Err(err) if err.is_temporary() && !self.given_up(&order) => return Err(err.into()),
            Err(err) => {
                self.refund(&order, &booking_id, &indexes, &err).await?;
                order.refunded_items.extend(&indexes);
            }
        }
        if self.saved(&mut order).await? {
            Ok(order)
        } else {
            Err(OrderError::Contended.into())
        }
    }

    async fn refund(
        &self,
        order: &Order,
        refund_id: &str,
        items: &[usize],
        why: &ServiceError,
    ) -> Result<(), OrderFailure> {
        let amount: i64 = items
            .iter()
            .filter_map(|index| order.items.get(*index))
            .map(|item| item.price.amount_cents)
            .sum();
        self.services
            .refund(&order.order_id, refund_id, amount)
            .await?;
        let error = why.to_string();
        tracing::error!(event = "order.booking_refused", order_id = %order.order_id, refund_id, amount_cents = amount, error, "tickets not delivered were refunded");
        tracing::info!(event = "payment.refunded", order_id = %order.order_id, amount_cents = amount);
        Ok(())
    }

    /// Whether the order has waited for its tickets longer than it may.
    fn given_up(&self, order: &Order) -> bool {
        let paid_at = order
            .paid_at
            .as_deref()
            .and_then(|at| time::OffsetDateTime::parse(at, &Rfc3339).ok());
        paid_at.is_some_and(|at| now() - at > self.config.give_up_after)
    }

    /// Numbers the invoice of an order with tickets, and marks it finished.
    async fn finish(&self, mut order: Order) -> Result<(), OrderFailure> {
        for _ in 0..ATTEMPTS * 4 {
            if order.invoice_number.is_some() || order.tickets.is_empty() {
                break;
            }
            let year = now().year();
            if let Some(number) = self.store.number(&order, year).await? {
                order.invoice_number = Some(number.to_string());
                order.version += 1;
                break;
            }
            order = self
                .store
                .order(&order.order_id)
                .await?
                .ok_or(OrderError::NotFound)?;
        }
        if order.invoice_number.is_none() && !order.tickets.is_empty() {
            return Err(OrderError::Contended.into());
        }
        if let Some(invoice) = Invoice::of(&order, &self.config.seller) {
            let pdf = crate::adapters::pdf::render(&invoice, &self.config.seller);
            self.invoices.put(&invoice.number, pdf).await?;
            self.confirmation_mail(&order, &invoice).await?;
        }
        if !order.refunded_items.is_empty() {
            self.refund_mail(&order).await?;
        }
        order.status = order.finished();
        if !self.saved(&mut order).await? {
            return Err(OrderError::Contended.into());
        }
        tracing::info!(event = "order.completed", order_id = %order.order_id, status = ?order.status, invoice_number = order.invoice_number.as_deref().unwrap_or(""));
        Ok(())
    }

    /// Queues the order's confirmation with its tickets and the invoice attached by reference;
    /// before the order is finished, so a failure retries it.
    async fn confirmation_mail(
        &self,
        order: &Order,
        invoice: &Invoice,
    ) -> Result<(), OrderFailure> {
        let tickets: Vec<String> = invoice.lines.iter().map(|line| line.text.clone()).collect();
        let link = self.invoices.link(&invoice.number).await?;
        let data = json!({"order_id": order.order_id, "invoice_number": invoice.number,
            "tickets": tickets.join("\n"), "total": invoice.gross.to_string(),
            "attachments": [{"filename": format!("invoice-{}.pdf", invoice.number), "url": link}]});
        self.customer_mail(order, "order-confirmation", data).await
    }

    /// Queues the mail that says which tickets were not delivered and refunded.
    async fn refund_mail(&self, order: &Order) -> Result<(), OrderFailure> {
        let refunded: Vec<_> = order
            .refunded_items
            .iter()
            .filter_map(|index| order.items.get(*index))
            .collect();
        let lines: Vec<String> = refunded
            .iter()
            .map(|item| format!("{}, {} ({})", item.name, item.date, item.operator_id))
            .collect();
        let total = Money {
            amount_cents: refunded.iter().map(|item| item.price.amount_cents).sum(),
            currency: order.total.currency.clone(),
        };
        let data = json!({"order_id": order.order_id, "tickets": lines.join("\n"),
            "refunded": total.to_string()});
        self.customer_mail(order, "order-refunded", data).await
    }

    async fn customer_mail(
        &self,
        order: &Order,
        template: &str,
        data: serde_json::Value,
    ) -> Result<(), OrderFailure> {
        let mail = UserMail::about(
            &order.user_id,
            template,
            &order.order_id,
            order.locale.as_str(),
            data,
        );
        Ok(self.services.mail(mail).await?)
    }

    /// Saves `order` at its next version; `false` if it changed meanwhile.
    async fn saved(&self, order: &mut Order) -> Result<bool, OrderFailure> {
        order.version += 1;
        order.updated_at = timestamp(now());
        Ok(self.store.save(order).await?)
    }
}
