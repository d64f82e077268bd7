//! The page: every section newest first, everything escaped.

mod common;

use axum::http::StatusCode;
use common::{get, post_json};
use serde_json::json;

#[tokio::test]
async fn the_page_escapes_html_from_a_record() {
    let (sandbox, app) = common::sandbox();
    sandbox.record(
        "mail",
        json!({
            "subject": "<script>alert('subject')</script>",
            "to": ["anna@example.com"],
            "html": "<p onclick=\"x()\">Hi</p><script>alert('html')</script>",
            "text": "</pre><img src=x onerror=alert(1)>",
        }),
    );
    let answer = get(&app, "/").await;
    assert_eq!(answer.status, StatusCode::OK);
    let page = answer.text();
    assert!(!page.contains("<script>"), "no live script");
    assert!(!page.contains("<img src=x"), "no live image");
    assert!(page.contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;"));
    assert!(
        page.contains(r#"<iframe sandbox srcdoc="&lt;p onclick=&quot;x()&quot;&gt;Hi&lt;/p&gt;"#)
    );
    let policy = answer.header("content-security-policy").expect("CSP");
    assert!(policy.contains("default-src 'none'"));
}

#[tokio::test]
async fn records_of_any_party_appear_in_their_section_newest_first() {
    let (sandbox, app) = common::sandbox();
    sandbox.record("dta.order", json!({ "externalOrderId": "first-booking" }));
    sandbox.record("axess.ticket", json!({ "serial": "second-booking" }));
    sandbox.record("liftpass.unknown", json!({ "note": "somewhere-else" }));
    let page = get(&app, "/").await.text();
    let bookings = page.find("Ticket bookings").expect("section");
    let (first, second) = (
        page.find("first-booking").expect("dta"),
        page.find("second-booking").expect("axess"),
    );
    assert!(bookings < second && second < first, "newest first");
    let others = page.find("Other records").expect("section");
    assert!(page.find("somewhere-else").is_some_and(|at| at > others));
}

#[tokio::test]
async fn payments_link_their_page_and_faults_are_listed() {
    let (sandbox, app) = common::sandbox();
    sandbox.record(
        "payment.select",
        json!({ "mpayTID": "1234567890", "tid": "order-1" }),
    );
    let fault = json!({ "path_prefix": "/slack", "status": 429, "retry_after": 1 });
    post_json(&app, "/_sandbox/faults", &fault, &[]).await;
    let page = get(&app, "/").await.text();
    assert!(page.contains(r#"<a href="/mpay24/pay/1234567890">"#));
    let faults = page.find("Faults set").expect("section");
    assert!(page[faults..].contains("/slack"));
}
