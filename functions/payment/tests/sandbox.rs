//! The adapter against the local sandbox's Mpay24: both sides of the ETP wire format agree on
//! a session, a payment on its page, the status that verifies it, and a partial refund.

mod common;

use common::{ORDER, PaymentFn, refund};
use wiremock::MockServer;

#[tokio::test]
async fn the_sandbox_opens_bills_verifies_and_credits_what_the_adapter_asks_for() {
    let sandbox = sandbox::spawn(sandbox::Sandbox::default())
        .await
        .expect("sandbox");
    let base = format!("{sandbox}/mpay24");
    let payment = PaymentFn::against(
        MockServer::start().await,
        &base,
        "99999",
        "sandbox-mpay24-password",
    )
    .await;
    let started = payment.call("start", None).await;
    started.assert_status(201);
    let page = started.body["redirect_url"].as_str().expect("a redirect");
    assert!(page.contains("/mpay24/pay/"), "{page}");
    let mpay_tid = started.body["payment_id"].as_str().expect("an id");

    let unpaid = payment.callback(ORDER, "BILLED").await;
    unpaid.assert_error(409, "payment_unconfirmed");

    let paid = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(format!("{sandbox}/mpay24/pay/{mpay_tid}/confirm"))
        .send()
        .await
        .expect("the payment page answers");
    assert_eq!(paid.status(), 303);
    let confirmed = payment.callback(ORDER, "BILLED").await;
    confirmed.assert_status(200);
    assert_eq!(confirmed.body["status"], "billed");
    assert_eq!(payment.told().await.len(), 1);

    let refunded = payment.call("refund", Some(refund("r-1", 1000))).await;
    refunded.assert_status(200);
    assert_eq!(refunded.body["status"], "credited");
}
