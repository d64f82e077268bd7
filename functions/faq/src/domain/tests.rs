use super::*;
use time::OffsetDateTime;

fn input(locale: &str, category: &str, position: u32, question: &str) -> EntryInput {
    serde_json::from_value(serde_json::json!({
        "locale": locale, "category": category, "question": question,
        "answer": "**Yes.**\n\n<script>alert(1)</script>", "position": position
    }))
    .unwrap()
}

fn entry(id: &str, locale: &str, category: &str, position: u32) -> Entry {
    input(locale, category, position, id)
        .into_entry(
            FaqId::parse(id).unwrap(),
            Locale::En,
            1,
            OffsetDateTime::UNIX_EPOCH,
        )
        .unwrap()
}

#[test]
fn a_reader_gets_their_locale_and_english_where_it_has_no_entry() {
    let entries = vec![
        entry("en-print", "en", "tickets", 1),
        entry("de-print", "de", "tickets", 1),
        entry("en-refund", "en", "tickets", 2),
        entry("en-card", "en", "keycards", 1),
    ];
    let german: Vec<&str> = select(&entries, Locale::De)
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(german, ["en-card", "de-print", "en-refund"]);
    let english: Vec<&str> = select(&entries, Locale::En)
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(english, ["en-card", "en-print", "en-refund"]);
}

#[test]
fn a_reader_locale_is_german_for_german_tags_and_english_otherwise() {
    assert_eq!(Locale::for_reader(None), Ok(Locale::En));
    assert_eq!(Locale::for_reader(Some("de-AT")), Ok(Locale::De));
    assert_eq!(Locale::for_reader(Some("fr")), Ok(Locale::En));
    assert!(Locale::for_reader(Some("<de>")).is_err());
}

#[test]
fn answers_keep_markdown_and_markup_as_written_and_texts_are_bounded() {
    let kept = entry("x", "en", "tickets", 1);
    assert_eq!(kept.answer, "**Yes.**\n\n<script>alert(1)</script>");
    let id = || FaqId::parse("x").unwrap();
    let long = "?".repeat(entry::MAX_QUESTION + 1);
    let now = OffsetDateTime::UNIX_EPOCH;
    assert!(
        input("en", "tickets", 1, &long)
            .into_entry(id(), Locale::En, 1, now)
            .is_err()
    );
    assert!(
        input("en", "tickets", 1, "a\u{7}b")
            .into_entry(id(), Locale::En, 1, now)
            .is_err()
    );
    assert!(
        input("en", "tickets", 10_000, "ok")
            .into_entry(id(), Locale::En, 1, now)
            .is_err()
    );
    assert!(Category::parse("Tickets & Prices").is_err());
    assert!(
        serde_json::from_value::<EntryInput>(serde_json::json!({
            "locale": "fr", "category": "tickets", "question": "q", "answer": "a", "position": 1
        }))
        .is_err()
    );
}
