//! Bookings against a stubbed Axess: tickets issued once per external order id, refusals
//! undone, unanswered issues never repeated, cancellation.

mod common;

use common::{AxessFn, booking, issued, ok, operation, refused};
use std::time::Duration;
use wiremock::matchers::body_string_contains;

async fn cancels(axess: &AxessFn) {
    operation("cancelTicket")
        .respond_with(ok("cancelTicket", "<NJOURNALNO>9001</NJOURNALNO>"))
        .mount(&axess.axess)
        .await;
}

#[tokio::test]
async fn each_item_is_issued_onto_its_keycard_once_per_external_order_id() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    operation("issueTicket")
        .respond_with(issued(100))
        .mount(&axess.axess)
        .await;
    let answer = axess.call("book", Some(booking("ord-1", 2))).await;
    answer.assert_status(201);
    assert_eq!(answer.body["status"], "issued");
    assert_eq!(answer.body["tickets"].as_array().unwrap().len(), 2);
    assert_eq!(answer.body["tickets"][0]["serial_no"], 100);
    assert_eq!(answer.body["tickets"][0]["journal_no"], 5100);
    let issues = axess.calls_of("issueTicket").await;
    assert!(issues[0].contains("<SZCHIPID>E004015000000000</SZCHIPID>"));
    assert!(issues[0].contains("<SZEXTORDERNO>ord-1</SZEXTORDERNO>"));
    assert!(issues[0].contains("<NPOSNO>12</NPOSNO>"));

    let again = axess.call("book", Some(booking("ord-1", 2))).await;
    again.assert_status(200);
    assert_eq!(again.body["tickets"], answer.body["tickets"]);
    assert_eq!(axess.calls_of("issueTicket").await.len(), 2);
}

#[tokio::test]
async fn a_refused_ticket_undoes_the_tickets_issued_before_and_frees_the_id() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    cancels(&axess).await;
    operation("issueTicket")
        .respond_with(issued(100))
        .up_to_n_times(1)
        .mount(&axess.axess)
        .await;
    operation("issueTicket")
        .respond_with(refused("issueTicket", 410, "chip blocked"))
        .up_to_n_times(1)
        .mount(&axess.axess)
        .await;
    let answer = axess.call("book", Some(booking("ord-2", 2))).await;
    answer.assert_error(502, "booking_refused");
    let cancels = axess.calls_of("cancelTicket").await;
    assert_eq!(cancels.len(), 1);
    assert!(cancels[0].contains("<NSERIALNO>100</NSERIALNO>"));

    operation("issueTicket")
        .respond_with(issued(200))
        .mount(&axess.axess)
        .await;
    let retry = axess.call("book", Some(booking("ord-2", 2))).await;
    retry.assert_status(201);
}

#[tokio::test]
async fn an_issue_without_an_answer_is_never_repeated_and_needs_reconciliation() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    operation("issueTicket")
        .respond_with(issued(100).set_delay(Duration::from_secs(2)))
        .mount(&axess.axess)
        .await;
    let answer = axess.call("book", Some(booking("ord-3", 1))).await;
    answer.assert_error(504, "provider_timeout");
    let again = axess.call("book", Some(booking("ord-3", 1))).await;
    again.assert_error(502, "booking_outcome_unknown");
    assert_eq!(axess.calls_of("issueTicket").await.len(), 1);
}

#[tokio::test]
async fn an_expired_session_while_issuing_is_renewed_and_the_ticket_issued_once() {
    let axess = AxessFn::start().await;
    operation("login")
        .respond_with(ok("login", "<NSESSIONID>1</NSESSIONID><NPOSNO>12</NPOSNO>"))
        .up_to_n_times(1)
        .mount(&axess.axess)
        .await;
    axess.logs_in(2).await;
    operation("issueTicket")
        .and(body_string_contains("<NSESSIONID>1</NSESSIONID>"))
        .respond_with(refused("issueTicket", 102, "session expired"))
        .mount(&axess.axess)
        .await;
    operation("issueTicket")
        .respond_with(issued(300))
        .mount(&axess.axess)
        .await;
    let answer = axess.call("book", Some(booking("ord-4", 1))).await;
    answer.assert_status(201);
    assert_eq!(axess.calls_of("issueTicket").await.len(), 2);
}

#[tokio::test]
async fn an_external_order_id_reused_for_other_items_is_a_409() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    operation("issueTicket")
        .respond_with(issued(100))
        .mount(&axess.axess)
        .await;
    axess
        .call("book", Some(booking("ord-5", 1)))
        .await
        .assert_status(201);
    let answer = axess.call("book", Some(booking("ord-5", 2))).await;
    answer.assert_error(409, "external_order_id_reused");
}

#[tokio::test]
async fn a_booking_is_read_and_its_tickets_cancelled_once() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    cancels(&axess).await;
    operation("issueTicket")
        .respond_with(issued(100))
        .mount(&axess.axess)
        .await;
    axess
        .call("book", Some(booking("ord-2026-000124", 2)))
        .await
        .assert_status(201);
    let read = axess.call("read-booking", None).await;
    read.assert_status(200);
    assert_eq!(read.body["status"], "issued");
    for _ in 0..2 {
        let cancelled = axess.call("cancel-booking", None).await;
        cancelled.assert_status(200);
        assert_eq!(cancelled.body["status"], "cancelled");
        assert_eq!(cancelled.body["tickets"][1]["cancelled"], true);
    }
    assert_eq!(axess.calls_of("cancelTicket").await.len(), 2);
}

#[tokio::test]
async fn an_unknown_booking_is_a_404() {
    let axess = AxessFn::start().await;
    axess.call("read-booking", None).await.assert_status(404);
    axess.call("cancel-booking", None).await.assert_status(404);
}

#[tokio::test]
async fn two_concurrent_cancels_cancel_each_ticket_once() {
    let axess = AxessFn::start().await;
    axess.logs_in(5).await;
    operation("issueTicket")
        .respond_with(issued(100))
        .mount(&axess.axess)
        .await;
    let booked = axess
        .call("book", Some(booking("ord-2026-000124", 2)))
        .await;
    booked.assert_status(201);
    operation("cancelTicket")
        .respond_with(
            ok("cancelTicket", "<NJOURNALNO>9001</NJOURNALNO>")
                .set_delay(std::time::Duration::from_millis(100)),
        )
        .mount(&axess.axess)
        .await;
    let (first, second) = tokio::join!(
        axess.call("cancel-booking", None),
        axess.call("cancel-booking", None)
    );
    let statuses = [first.status, second.status];
    assert!(statuses.contains(&200), "{statuses:?}");
    for answer in [&first, &second] {
        if answer.status != 200 {
            answer.assert_error(409, "booking_in_progress");
        }
    }
    assert_eq!(axess.calls_of("cancelTicket").await.len(), 2);
    let again = axess.call("cancel-booking", None).await;
    assert_eq!(
        (again.status, &again.body["status"]),
        (200, &"cancelled".into())
    );
    assert_eq!(axess.calls_of("cancelTicket").await.len(), 2);
}
