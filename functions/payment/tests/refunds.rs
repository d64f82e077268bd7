//! Refunds with Mpay24's `ManualCredit`: partial amounts, each refund id credited once, never
//! more in total than was paid, a refusal freeing its amount again.

mod common;

use common::{ORDER, PaymentFn, etp, operation, refund, refused};

async fn billed() -> PaymentFn {
    let payment = PaymentFn::start().await;
    payment.started().await;
    payment.mpay24_says("BILLED", 4990).await;
    payment.callback(ORDER, "BILLED").await.assert_status(200);
    payment
}

async fn credits(payment: &PaymentFn) {
    operation("ManualCredit")
        .respond_with(etp(
            "ManualCredit",
            "<status>OK</status><returnCode>OK</returnCode>",
        ))
        .mount(&payment.mpay24)
        .await;
}

#[tokio::test]
async fn a_refund_is_credited_once_however_often_it_is_asked_for() {
    let payment = billed().await;
    credits(&payment).await;
    for _ in 0..2 {
        let answer = payment.call("refund", Some(refund("r-1", 1000))).await;
        answer.assert_status(200);
        assert_eq!(answer.body["status"], "credited");
        assert_eq!(answer.body["amount_cents"], 1000);
    }
    let sent = payment.calls_of("ManualCredit").await;
    assert_eq!(sent.len(), 1);
    assert!(sent[0].contains("<amount>1000</amount>"), "{}", sent[0]);
    assert!(
        sent[0].contains("<mpayTID>5300518741</mpayTID>"),
        "{}",
        sent[0]
    );
}

#[tokio::test]
async fn partial_refunds_never_add_up_to_more_than_was_paid() {
    let payment = billed().await;
    credits(&payment).await;
    let first = payment.call("refund", Some(refund("r-1", 3000))).await;
    first.assert_status(200);
    let too_much = payment.call("refund", Some(refund("r-2", 2000))).await;
    assert!(
        too_much
            .assert_error(409, "refund_too_large")
            .contains("1990")
    );
    let rest = payment.call("refund", Some(refund("r-3", 1990))).await;
    rest.assert_status(200);
    assert_eq!(payment.calls_of("ManualCredit").await.len(), 2);
}

#[tokio::test]
async fn two_concurrent_refunds_of_more_than_was_paid_credit_only_one() {
    let payment = billed().await;
    credits(&payment).await;
    let (a, b) = tokio::join!(
        payment.call("refund", Some(refund("r-a", 3000))),
        payment.call("refund", Some(refund("r-b", 3000)))
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{} / {}", a.body, b.body);
    assert_eq!(payment.calls_of("ManualCredit").await.len(), 1);
}

#[tokio::test]
async fn a_refund_id_reused_for_another_amount_is_refused() {
    let payment = billed().await;
    credits(&payment).await;
    payment
        .call("refund", Some(refund("r-1", 100)))
        .await
        .assert_status(200);
    payment
        .call("refund", Some(refund("r-1", 200)))
        .await
        .assert_error(409, "refund_id_reused");
}

#[tokio::test]
async fn a_refused_refund_frees_its_amount_and_may_be_asked_for_again() {
    let payment = billed().await;
    operation("ManualCredit")
        .respond_with(refused("ManualCredit", "NOT_ALLOWED"))
        .up_to_n_times(1)
        .mount(&payment.mpay24)
        .await;
    payment
        .call("refund", Some(refund("r-1", 4990)))
        .await
        .assert_error(502, "refund_refused");
    credits(&payment).await;
    let again = payment.call("refund", Some(refund("r-1", 4990))).await;
    again.assert_status(200);
}

#[tokio::test]
async fn an_unpaid_order_has_nothing_to_refund() {
    let payment = PaymentFn::start().await;
    payment.started().await;
    payment
        .call("refund", Some(refund("r-1", 100)))
        .await
        .assert_error(409, "payment_not_billed");
    assert!(payment.calls_of("ManualCredit").await.is_empty());
}
