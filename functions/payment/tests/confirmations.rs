//! Mpay24's confirmation callback: never trusted on its own. Forged, replayed, duplicate and
//! out-of-order callbacks change nothing twice and never move a payment back.

mod common;

use common::{ORDER, PaymentFn, operation, refused};

#[tokio::test]
async fn a_billed_payment_is_told_to_the_order_service_once_however_often_mpay24_calls() {
    let payment = PaymentFn::start().await;
    payment.started().await;
    payment.mpay24_says("BILLED", 4990).await;
    for _ in 0..3 {
        let answer = payment.callback(ORDER, "BILLED").await;
        answer.assert_status(200);
        assert_eq!(answer.body["status"], "billed");
    }
    let told = payment.told().await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["order_id"], ORDER);
    assert_eq!(told[0]["amount_cents"], 4990);
    assert_eq!(told[0]["currency"], "EUR");
    assert_eq!(told[0]["payment_id"], common::MPAY_TID);
}

#[tokio::test]
async fn a_forged_confirmation_that_mpay24_contradicts_changes_nothing() {
    let payment = PaymentFn::start().await;
    payment.started().await;
    payment.mpay24_says("BILLED", 1).await;
    let forged = payment.callback(ORDER, "BILLED").await;
    assert!(forged.assert_error(400, "invalid_input").contains("49"));
    assert_eq!(payment.call("read", None).await.body["status"], "pending");
    assert!(payment.told().await.is_empty());
}

#[tokio::test]
async fn a_confirmation_mpay24_knows_nothing_of_changes_nothing() {
    let payment = PaymentFn::start().await;
    payment.started().await;
    operation("TransactionStatus")
        .respond_with(refused("TransactionStatus", "NOT_FOUND"))
        .mount(&payment.mpay24)
        .await;
    payment
        .callback(ORDER, "BILLED")
        .await
        .assert_error(409, "payment_unconfirmed");
    assert_eq!(payment.call("read", None).await.body["status"], "pending");
    assert!(payment.told().await.is_empty());
}

#[tokio::test]
async fn a_callback_for_an_unknown_order_is_a_404_and_asks_mpay24_nothing() {
    let payment = PaymentFn::start().await;
    payment
        .callback("ord-unknown", "BILLED")
        .await
        .assert_error(404, "not_found");
    assert!(payment.calls_of("TransactionStatus").await.is_empty());
}

#[tokio::test]
async fn a_declined_payment_fails_once_and_a_late_error_never_undoes_a_billing() {
    let payment = PaymentFn::start().await;
    payment.started().await;
    let mpay24_error = payment.mpay24_says("ERROR", 4990);
    mpay24_error.await;
    assert_eq!(
        payment.callback(ORDER, "ERROR").await.body["status"],
        "failed"
    );
    assert_eq!(
        payment.callback(ORDER, "ERROR").await.body["status"],
        "failed"
    );
    let told = payment.told().await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].get("amount_cents").is_none(), "a failure: {told:?}");

    payment.mpay24.reset().await;
    payment.mpay24_says("BILLED", 4990).await;
    assert_eq!(
        payment.callback(ORDER, "BILLED").await.body["status"],
        "billed"
    );
    payment.mpay24.reset().await;
    payment.mpay24_says("ERROR", 4990).await;
    assert_eq!(
        payment.callback(ORDER, "ERROR").await.body["status"],
        "billed"
    );
    let told = payment.told().await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["amount_cents"], 4990);
}
