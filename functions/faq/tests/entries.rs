//! FAQ entries: anyone reads a locale's (English filling the gaps), admins write them, and a
//! change made over an old version is refused.

mod common;

use common::{Faq, admin, customer, entry};
use serde_json::json;

async fn seeded() -> Faq {
    let faq = Faq::start().await;
    for body in [
        entry(
            "print-en",
            "en",
            "tickets",
            1,
            "Do I need to print my ticket?",
        ),
        entry(
            "print-de",
            "de",
            "tickets",
            1,
            "Muss ich mein Ticket ausdrucken?",
        ),
        entry("refund-en", "en", "tickets", 2, "Can I get a refund?"),
        entry("lost-en", "en", "keycards", 1, "I lost my keycard."),
    ] {
        let answer = faq.create(&body, Some(&admin())).await;
        answer.assert_status(201);
    }
    faq
}

#[tokio::test]
async fn readers_get_their_locale_by_category_and_position_with_english_filling_the_gaps() {
    let faq = seeded().await;
    assert_eq!(faq.ids("de").await, ["lost-en", "print-de", "refund-en"]);
    assert_eq!(faq.ids("en").await, ["lost-en", "print-en", "refund-en"]);
    assert_eq!(faq.ids("").await, faq.ids("en").await);
    assert_eq!(faq.ids("fr").await, faq.ids("en").await);
    let answer = faq.list("de").await;
    let first = &answer.body["entries"][1];
    assert_eq!(first["question"], "Muss ich mein Ticket ausdrucken?");
    for field in [
        "id",
        "category",
        "question",
        "answer",
        "position",
        "updated_at",
        "version",
    ] {
        assert!(first.get(field).is_some(), "{field} in {first}");
    }
    assert_eq!(first["version"], 1);
}

#[tokio::test]
async fn a_change_over_the_version_read_is_taken_and_one_over_an_older_version_is_a_409() {
    let faq = seeded().await;
    let mut change = entry("refund-en", "en", "tickets", 2, "Can I get my money back?");
    change["version"] = json!(1);
    let changed = faq.update("refund-en", &change, Some(&admin())).await;
    changed.assert_status(200);
    assert_eq!(changed.body["version"], 2);
    change["question"] = json!("A change made from version 1 again");
    let stale = faq.update("refund-en", &change, Some(&admin())).await;
    stale.assert_error(409, "version_conflict");
    let answer = faq.list("en").await;
    let refund = &answer.body["entries"][2];
    assert_eq!(refund["question"], "Can I get my money back?");
    assert_eq!(refund["version"], 2);
}

#[tokio::test]
async fn two_admins_changing_one_version_at_once_get_one_200_and_one_409() {
    let faq = seeded().await;
    let token = admin();
    let bodies: Vec<_> = ["First", "Second"]
        .iter()
        .map(|q| {
            let mut body = entry("lost-en", "en", "keycards", 1, q);
            body["version"] = json!(1);
            body
        })
        .collect();
    let (a, b) = tokio::join!(
        faq.update("lost-en", &bodies[0], Some(&token)),
        faq.update("lost-en", &bodies[1], Some(&token))
    );
    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409]);
}

#[tokio::test]
async fn only_admins_write() {
    let faq = seeded().await;
    let body = entry("new", "en", "tickets", 3, "Who may write?");
    let mut change = entry("print-en", "en", "tickets", 1, "Changed?");
    change["version"] = json!(1);
    for (token, status, code) in [
        (Some(customer("user-1")), 403, "forbidden"),
        (None, 401, "unauthorized"),
    ] {
        let token = token.as_deref();
        faq.create(&body, token).await.assert_error(status, code);
        faq.update("print-en", &change, token)
            .await
            .assert_error(status, code);
        faq.delete("print-en", token)
            .await
            .assert_error(status, code);
    }
    assert_eq!(faq.ids("en").await, ["lost-en", "print-en", "refund-en"]);
}

#[tokio::test]
async fn a_repeated_create_is_answered_once_and_another_entry_under_that_id_is_a_409() {
    let faq = Faq::start().await;
    let body = entry(
        "print-en",
        "en",
        "tickets",
        1,
        "Do I need to print my ticket?",
    );
    faq.create(&body, Some(&admin())).await.assert_status(201);
    let again = faq.create(&body, Some(&admin())).await;
    again.assert_status(200);
    let other = entry("print-en", "en", "tickets", 1, "Something else");
    faq.create(&other, Some(&admin()))
        .await
        .assert_error(409, "faq_exists");
    let generated = json!({"category": "tickets", "position": 5, "question": "No id?", "answer": "One is made."});
    let created = faq.create(&generated, Some(&admin())).await;
    created.assert_status(201);
    assert_eq!(created.body["locale"], "en");
    assert!(created.body["id"].as_str().is_some_and(|id| id.len() == 36));
}

#[tokio::test]
async fn a_delete_is_204_then_404() {
    let faq = seeded().await;
    let deleted = faq.delete("refund-en", Some(&admin())).await;
    deleted.assert_status(204);
    faq.delete("refund-en", Some(&admin()))
        .await
        .assert_error(404, "not_found");
    assert_eq!(faq.ids("en").await, ["lost-en", "print-en"]);
}

#[tokio::test]
async fn bad_input_is_a_400_and_stores_nothing() {
    let faq = Faq::start().await;
    let token = admin();
    let long = "?".repeat(301);
    for body in [
        entry("x", "en", "tickets", 1, &long),
        entry("x", "fr", "tickets", 1, "Which locale?"),
        entry("x", "en", "Tickets & Prices", 1, "Which category?"),
        entry("X Y", "en", "tickets", 1, "Which id?"),
        json!({"category": "tickets", "position": 1, "question": "q", "answer": "", "version": 3}),
        json!({"category": "tickets", "position": 1, "question": "q", "answer": "a", "extra": true}),
    ] {
        faq.create(&body, Some(&token))
            .await
            .assert_error(400, "invalid_input");
    }
    let unversioned = entry("x", "en", "tickets", 1, "No version?");
    faq.update("x", &unversioned, Some(&token))
        .await
        .assert_error(400, "invalid_input");
    assert!(faq.ids("en").await.is_empty());
}

#[tokio::test]
async fn markdown_and_markup_in_answers_come_back_exactly_as_written() {
    let faq = Faq::start().await;
    let answer = "**Bold**, [a link](https://example.com)\n\n<script>alert('x')</script>";
    let mut body = entry("md", "en", "tickets", 1, "Markdown?");
    body["answer"] = json!(answer);
    faq.create(&body, Some(&admin())).await.assert_status(201);
    let listed = faq.list("en").await;
    assert_eq!(listed.body["entries"][0]["answer"], answer);
}

#[tokio::test]
async fn the_status_checks_the_table() {
    let faq = Faq::start().await;
    let answer = shared::testing::function::status(|r| faq.app.handle(r), "faq").await;
    answer.assert_status(200);
    assert_eq!(answer.body["checks"]["table"]["ok"], true);
}
