//! Bookings that stop halfway: at the invocation's deadline, when the function dies, or when
//! the store fails after an issue. What was issued is kept, resumed or undone, never lost.

mod common;

use common::{AxessFn, booking, issued, ok, operation};
use std::time::Duration;

const ORDER: &str = "ord-2026-000124";

/// Axess, where the first issue takes 1.2 s; issuing needs 2 s left.
async fn slow_first_issue() -> AxessFn {
    let axess = AxessFn::start_with(&[
        ("AXESS_TIMEOUT_MS", "2000"),
        ("AXESS_ISSUE_RESERVE_MS", "2000"),
    ])
    .await;
    axess.logs_in(5).await;
    operation("issueTicket")
        .respond_with(issued(100).set_delay(Duration::from_millis(1200)))
        .up_to_n_times(1)
        .mount(&axess.axess)
        .await;
    operation("issueTicket")
        .respond_with(issued(200))
        .mount(&axess.axess)
        .await;
    operation("cancelTicket")
        .respond_with(ok("cancelTicket", "<NJOURNALNO>9001</NJOURNALNO>"))
        .mount(&axess.axess)
        .await;
    axess
}

#[tokio::test]
async fn a_booking_that_reaches_its_deadline_keeps_what_it_issued_and_a_retry_resumes_it() {
    let axess = slow_first_issue().await;
    let stopped = axess
        .call_before("book", Some(booking(ORDER, 2)), Duration::from_secs(3))
        .await;
    stopped.assert_error(503, "booking_incomplete");
    let halfway = axess.call("read-booking", None).await;
    assert_eq!(halfway.body["status"], "issuing");
    assert_eq!(halfway.body["tickets"].as_array().unwrap().len(), 1);

    let resumed = axess.call("book", Some(booking(ORDER, 2))).await;
    resumed.assert_status(201);
    assert_eq!(resumed.body["tickets"][0]["serial_no"], 100);
    assert_eq!(resumed.body["tickets"][1]["serial_no"], 200);
    assert_eq!(resumed.body["tickets"][1]["item"], 1);
    assert_eq!(axess.calls_of("issueTicket").await.len(), 2);
}

#[tokio::test]
async fn a_cancel_of_a_booking_stopped_halfway_undoes_the_tickets_it_issued() {
    let axess = slow_first_issue().await;
    let stopped = axess
        .call_before("book", Some(booking(ORDER, 2)), Duration::from_secs(3))
        .await;
    stopped.assert_status(503);
    let cancelled = axess.call("cancel-booking", None).await;
    cancelled.assert_status(200);
    assert_eq!(cancelled.body["status"], "cancelled");
    assert_eq!(cancelled.body["tickets"][0]["cancelled"], true);
    let cancels = axess.calls_of("cancelTicket").await;
    assert_eq!(cancels.len(), 1);
    assert!(cancels[0].contains("<NSERIALNO>100</NSERIALNO>"));

    let retry = axess.call("book", Some(booking(ORDER, 2))).await;
    retry.assert_error(409, "booking_cancelled");
    assert_eq!(axess.calls_of("issueTicket").await.len(), 1);
}

#[tokio::test]
async fn a_booking_whose_function_died_is_taken_over_after_its_lease_and_nothing_is_issued_twice() {
    let axess =
        AxessFn::start_with(&[("AXESS_TIMEOUT_MS", "2000"), ("AXESS_LEASE_MS", "1000")]).await;
    axess.logs_in(5).await;
    operation("issueTicket")
        .respond_with(issued(100))
        .up_to_n_times(1)
        .mount(&axess.axess)
        .await;
    operation("issueTicket")
        .respond_with(issued(200).set_delay(Duration::from_millis(1500)))
        .mount(&axess.axess)
        .await;
    tokio::select! {
        answer = axess.call("book", Some(booking(ORDER, 2))) => panic!("not killed: {}", answer.body),
        () = axess.until_called("issueTicket", 2) => {}
    }
    let during_lease = axess.call("book", Some(booking(ORDER, 2))).await;
    during_lease.assert_error(409, "booking_in_progress");

    tokio::time::sleep(Duration::from_millis(1100)).await;
    let taken_over = axess.call("book", Some(booking(ORDER, 2))).await;
    taken_over.assert_error(502, "booking_outcome_unknown");
    let read = axess.call("read-booking", None).await;
    assert_eq!(read.body["status"], "unknown");
    assert_eq!(read.body["tickets"][0]["serial_no"], 100);
    assert_eq!(axess.calls_of("issueTicket").await.len(), 2);
}

#[tokio::test]
async fn a_ticket_whose_issue_cannot_be_saved_is_cancelled_again() {
    let axess = AxessFn::start_with(&[("AXESS_TIMEOUT_MS", "2000")]).await;
    axess.logs_in(5).await;
    operation("issueTicket")
        .respond_with(issued(100).set_delay(Duration::from_millis(500)))
        .mount(&axess.axess)
        .await;
    operation("cancelTicket")
        .respond_with(ok("cancelTicket", "<NJOURNALNO>9001</NJOURNALNO>"))
        .mount(&axess.axess)
        .await;
    let (answer, ()) = tokio::join!(axess.call("book", Some(booking(ORDER, 1))), async {
        axess.until_called("issueTicket", 1).await;
        axess
            .dynamo
            .delete_table()
            .table_name(&axess.table)
            .send()
            .await
            .expect("deleting the table");
    });
    answer.assert_status(500);
    let cancels = axess.calls_of("cancelTicket").await;
    assert_eq!(cancels.len(), 1);
    assert!(cancels[0].contains("<NSERIALNO>100</NSERIALNO>"));
}
