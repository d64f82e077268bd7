use super::*;
use crate::domain::RefundId;

fn payment(status: PaymentStatus) -> Payment {
    let price = Money {
        amount_cents: 4990,
        currency: "EUR".into(),
    };
    let mut payment = Payment::new(
        OrderId::parse("ord-1").unwrap(),
        price,
        String::new(),
        "2026-12-01T10:00:00Z".into(),
    );
    payment.mpay_tid = Some("5300518741".into());
    payment.status = status;
    payment
}

fn mpay24(status: &str) -> Transaction {
    Transaction {
        tid: "ord-1".into(),
        mpay_tid: "5300518741".into(),
        status: status.into(),
        price_cents: 4990,
        currency: "EUR".into(),
    }
}

#[test]
fn a_billed_transaction_bills_a_pending_or_failed_payment() {
    let billed = mpay24("BILLED");
    assert_eq!(
        payment(PaymentStatus::Pending).judge(&billed),
        Verdict::Move(PaymentStatus::Billed)
    );
    assert_eq!(
        payment(PaymentStatus::Failed).judge(&billed),
        Verdict::Move(PaymentStatus::Billed)
    );
    assert_eq!(payment(PaymentStatus::Billed).judge(&billed), Verdict::Keep);
}

#[test]
fn a_billed_payment_never_moves_back_to_failed() {
    assert_eq!(
        payment(PaymentStatus::Billed).judge(&mpay24("ERROR")),
        Verdict::Keep
    );
    assert_eq!(
        payment(PaymentStatus::Pending).judge(&mpay24("ERROR")),
        Verdict::Move(PaymentStatus::Failed)
    );
}

#[test]
fn another_amount_currency_order_or_transaction_is_a_mismatch() {
    let pending = payment(PaymentStatus::Pending);
    let changes: [fn(&mut Transaction); 4] = [
        |t| t.price_cents = 1,
        |t| t.currency = "USD".into(),
        |t| t.tid = "ord-2".into(),
        |t| t.mpay_tid = "1111111111".into(),
    ];
    for change in changes {
        let mut transaction = mpay24("BILLED");
        change(&mut transaction);
        assert!(matches!(pending.judge(&transaction), Verdict::Mismatch(_)));
    }
}

#[test]
fn refused_refunds_free_their_amount_again() {
    let mut billed = payment(PaymentStatus::Billed);
    for (id, amount, status) in [
        ("r-1", 1000, RefundStatus::Credited),
        ("r-2", 500, RefundStatus::Refused),
        ("r-3", 90, RefundStatus::Unknown),
    ] {
        billed.refunds.push(Refund {
            refund_id: RefundId::parse(id).unwrap(),
            amount_cents: amount,
            status,
            requested_at: String::new(),
        });
    }
    assert_eq!(billed.refundable_cents(), 4990 - 1000 - 90);
}
