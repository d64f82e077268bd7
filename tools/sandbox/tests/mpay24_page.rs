//! Mpay24's payment page in the sandbox: paying or declining calls the merchant's
//! confirmation URL and sends the browser on; a billed payment can be credited by hand.

mod common;

use axum::http::StatusCode;
use common::mpay24::{merchant, select, soap, status_of};
use common::{get, post, xml_parameters, xml_text};

#[tokio::test]
async fn paying_calls_the_confirmation_url_then_redirects_to_success() {
    let merchant = merchant().await;
    let (sandbox, app) = common::sandbox();
    let mpay_tid = select(&app, "order-7", "49.90", &merchant.uri()).await;

    let answer = post(
        &app,
        &format!("/mpay24/pay/{mpay_tid}/confirm"),
        "application/x-www-form-urlencoded",
        "",
        &[],
    )
    .await;

    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.header("location"),
        Some(format!("{}/shop/success", merchant.uri()))
    );
    assert_eq!(
        answer.header("x-sandbox-callback-status").as_deref(),
        Some("200")
    );
    let calls = merchant.received_requests().await.expect("recording");
    assert_eq!(calls.len(), 1);
    let query: std::collections::HashMap<String, String> =
        calls[0].url.query_pairs().into_owned().collect();
    for (key, value) in [
        ("shop", "starjack"),
        ("OPERATION", "CONFIRMATION"),
        ("TID", "order-7"),
        ("STATUS", "BILLED"),
        ("PRICE", "4990"),
        ("CURRENCY", "EUR"),
        ("MPAYTID", mpay_tid.as_str()),
        ("P_TYPE", "CC"),
        ("BRAND", "VISA"),
    ] {
        assert_eq!(query.get(key).map(String::as_str), Some(value), "{key}");
    }
    assert_eq!(query["APPR_CODE"].len(), 6);
    let callback = &sandbox.records("payment.confirmation")[0].data;
    assert_eq!(callback["answerStatus"], 200);
    let parameters = xml_parameters(&status_of(&app, "<tid>order-7</tid>").await);
    assert_eq!(parameters["STATUS"], "BILLED");
    assert_eq!(parameters["PRICE"], "4990");
    assert_eq!(parameters["MPAYTID"], mpay_tid);
}

#[tokio::test]
async fn declining_calls_back_with_status_error_and_redirects_to_the_error_url() {
    let merchant = merchant().await;
    let (_, app) = common::sandbox();
    let mpay_tid = select(&app, "order-8", "20.00", &merchant.uri()).await;
    let answer = post(
        &app,
        &format!("/mpay24/pay/{mpay_tid}/decline"),
        "text/plain",
        "",
        &[],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.header("location"),
        Some(format!("{}/shop/error", merchant.uri()))
    );
    let calls = merchant.received_requests().await.expect("recording");
    let query: std::collections::HashMap<String, String> =
        calls[0].url.query_pairs().into_owned().collect();
    assert_eq!(query["STATUS"], "ERROR");
    assert!(!query.contains_key("APPR_CODE"));
    let parameters =
        xml_parameters(&status_of(&app, &format!("<mpayTID>{mpay_tid}</mpayTID>")).await);
    assert_eq!(parameters["STATUS"], "ERROR");
}

#[tokio::test]
async fn paying_twice_is_a_conflict_and_calls_back_once() {
    let merchant = merchant().await;
    let (_, app) = common::sandbox();
    let mpay_tid = select(&app, "order-9", "20.00", &merchant.uri()).await;
    let confirm = format!("/mpay24/pay/{mpay_tid}/confirm");
    assert_eq!(
        post(&app, &confirm, "text/plain", "", &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post(&app, &confirm, "text/plain", "", &[]).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        merchant.received_requests().await.expect("recording").len(),
        1
    );
    assert_eq!(
        post(&app, "/mpay24/pay/1234/confirm", "text/plain", "", &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_unreachable_confirmation_url_is_recorded_and_the_browser_still_moves_on() {
    let (sandbox, app) = common::sandbox();
    let mpay_tid = select(&app, "order-10", "20.00", "http://127.0.0.1:1").await;
    let answer = post(
        &app,
        &format!("/mpay24/pay/{mpay_tid}/confirm"),
        "text/plain",
        "",
        &[],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.header("x-sandbox-callback-status").as_deref(),
        Some("none")
    );
    assert!(sandbox.records("payment.confirmation")[0].data["error"].is_string());
}

#[tokio::test]
async fn manual_credit_credits_a_billed_payment_up_to_its_price() {
    let merchant = merchant().await;
    let (sandbox, app) = common::sandbox();
    let mpay_tid = select(&app, "order-11", "30.00", &merchant.uri()).await;
    let credit = |amount: &str| {
        format!(
            "<etp:ManualCredit><merchantID>99999</merchantID><mpayTID>{mpay_tid}</mpayTID>{amount}</etp:ManualCredit>"
        )
    };
    let early = soap(&app, &credit("<amount>1000</amount>")).await.text();
    assert_eq!(
        xml_text(&early, "returnCode").as_deref(),
        Some("NOT_ALLOWED")
    );
    post(
        &app,
        &format!("/mpay24/pay/{mpay_tid}/confirm"),
        "text/plain",
        "",
        &[],
    )
    .await;

    let partial = soap(&app, &credit("<amount>1000</amount>")).await.text();
    assert_eq!(
        xml_text(&partial, "status").as_deref(),
        Some("OK"),
        "{partial}"
    );
    assert_eq!(xml_text(&partial, "tStatus").as_deref(), Some("CREDITED"));
    let too_much = soap(&app, &credit("<amount>2001</amount>")).await.text();
    assert_eq!(
        xml_text(&too_much, "returnCode").as_deref(),
        Some("INVALID_AMOUNT")
    );
    let rest = soap(&app, &credit("")).await.text();
    assert_eq!(xml_text(&rest, "status").as_deref(), Some("OK"));

    let refunds: Vec<_> = sandbox
        .records("payment.refund")
        .iter()
        .map(|r| r.data["amountCents"].clone())
        .collect();
    assert_eq!(refunds, [1000, 2000]);
    let parameters = xml_parameters(&status_of(&app, "<tid>order-11</tid>").await);
    assert_eq!(parameters["STATUS"], "CREDITED");
}

#[tokio::test]
async fn the_payment_page_shows_the_order_escaped_with_pay_and_decline_buttons() {
    let (_, app) = common::sandbox();
    let mpay_tid = select(&app, "order-12", "12.30", "http://127.0.0.1:9").await;
    let page = get(&app, &format!("/mpay24/pay/{mpay_tid}")).await;
    let html = page.text();
    assert_eq!(page.status, StatusCode::OK);
    assert!(html.contains("12.30 EUR"), "{html}");
    assert!(html.contains("Ski pass &amp; more"));
    assert!(html.contains(&format!(r#"action="/mpay24/pay/{mpay_tid}/confirm""#)));
    assert!(html.contains(&format!(r#"action="/mpay24/pay/{mpay_tid}/decline""#)));
    assert_eq!(
        get(&app, "/mpay24/pay/0000000000").await.status,
        StatusCode::NOT_FOUND
    );
}
