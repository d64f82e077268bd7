//! `POST /payments` and `GET /payments/{order_id}` against a stubbed Mpay24: the session
//! opened with the order as `Tid`, who may ask, what is refused.

mod common;

use common::{MPAY_TID, ORDER, PaymentFn, etp, operation, refused};
use serde_json::json;
use shared::testing::function::not_this_service;

#[tokio::test]
async fn a_session_is_opened_with_the_order_as_tid_the_price_and_our_pages() {
    let payment = PaymentFn::start().await;
    payment.started().await;
    let sent = payment.calls_of("SelectPayment").await;
    let sent = &sent[0];
    for part in [
        "<merchantID>99999</merchantID>",
        &format!("<Tid>{ORDER}</Tid>"),
        "<Price>49.90</Price>",
        "<Currency>EUR</Currency>",
        &format!("<Success>https://shop.starjack.test/orders/{ORDER}?payment=success</Success>"),
        &format!("<Error>https://shop.starjack.test/orders/{ORDER}?payment=error</Error>"),
        "<Confirmation>https://api.starjack.test/payments/confirmation</Confirmation>",
    ] {
        assert!(sent.contains(part), "{part} in {sent}");
    }
    let read = payment.call("read", None).await;
    read.assert_status(200);
    assert_eq!(read.body["status"], "pending");
    assert_eq!(read.body["mpay_tid"], MPAY_TID);
    assert_eq!(
        read.body["price"],
        json!({"amount_cents": 4990, "currency": "EUR"})
    );
}

#[tokio::test]
async fn the_answer_carries_mpay24s_redirect() {
    let payment = PaymentFn::start().await;
    operation("SelectPayment")
        .respond_with(etp(
            "SelectPayment",
            "<status>OK</status><returnCode>REDIRECT</returnCode><mpayTID>5300518741</mpayTID><location>https://pay.test/x</location>",
        ))
        .mount(&payment.mpay24)
        .await;
    let started = payment.call("start", None).await;
    started.assert_status(201);
    assert_eq!(
        started.body,
        json!({"order_id": ORDER, "payment_id": MPAY_TID, "redirect_url": "https://pay.test/x", "status": "pending"})
    );
}

#[tokio::test]
async fn only_the_order_service_may_start_a_payment() {
    let payment = PaymentFn::start().await;
    for (caller, token, status) in not_this_service("payment") {
        let answer = payment.call_as("start", None, Some(&token)).await;
        assert_eq!(answer.status, status, "{caller}: {}", answer.body);
    }
    payment
        .call_as("start", None, None)
        .await
        .assert_status(401);
    assert!(payment.calls_of("SelectPayment").await.is_empty());
}

#[tokio::test]
async fn odd_amounts_currencies_and_order_ids_are_refused_before_mpay24_is_asked() {
    let payment = PaymentFn::start().await;
    for body in [
        json!({"order_id": ORDER, "amount_cents": 0, "currency": "EUR"}),
        json!({"order_id": ORDER, "amount_cents": -5, "currency": "EUR"}),
        json!({"order_id": ORDER, "amount_cents": 100, "currency": "euro"}),
        json!({"order_id": "an order id that is far too long for a Tid", "amount_cents": 100, "currency": "EUR"}),
        json!({"order_id": ORDER, "amount_cents": 100, "currency": "EUR", "price": 1}),
    ] {
        let answer = payment.call("start", Some(body.clone())).await;
        answer.assert_error(400, "invalid_input");
    }
    assert!(payment.calls_of("SelectPayment").await.is_empty());
}

#[tokio::test]
async fn mpay24_refusing_the_session_is_a_502_and_stores_nothing() {
    let payment = PaymentFn::start().await;
    operation("SelectPayment")
        .respond_with(refused("SelectPayment", "INVALID_MDXI"))
        .mount(&payment.mpay24)
        .await;
    payment
        .call("start", None)
        .await
        .assert_error(502, "provider_refused");
    payment
        .call("read", None)
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn a_paid_order_cannot_be_paid_again() {
    let payment = PaymentFn::start().await;
    payment.started().await;
    payment.mpay24_says("BILLED", 4990).await;
    payment.callback(ORDER, "BILLED").await.assert_status(200);
    payment
        .call("start", None)
        .await
        .assert_error(409, "payment_completed");
    assert_eq!(payment.calls_of("SelectPayment").await.len(), 1);
}
