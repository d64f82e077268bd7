use super::*;
use time::macros::{date, datetime};

fn item(operator: &str, date: &str, keycard: &str) -> ItemRequest {
    ItemRequest {
        operator_id: operator.into(),
        product_id: "DAY~ADULT".into(),
        date: Day::parse("date", date).unwrap(),
        keycard_id: keycard.into(),
    }
}

const TODAY: Date = date!(2026 - 12 - 01);

#[test]
fn tickets_from_today_to_180_days_ahead_are_accepted() {
    let request = OrderRequest {
        items: vec![
            item("hochalm", "2026-12-01", "k-1"),
            item("hochalm", "2027-05-30", "k-2"),
        ],
    };
    assert!(request.validate(TODAY).is_ok());
}

#[test]
fn a_day_in_the_past_or_beyond_180_days_is_refused() {
    for day in ["2026-11-30", "2027-05-31"] {
        let request = OrderRequest {
            items: vec![item("hochalm", day, "k-1")],
        };
        assert_eq!(request.validate(TODAY).unwrap_err().field, "date", "{day}");
    }
}

#[test]
fn one_keycard_gets_one_ticket_of_an_operator_per_day() {
    let request = OrderRequest {
        items: vec![
            item("hochalm", "2026-12-24", "k-1"),
            item("gipfelbahn", "2026-12-24", "k-1"),
            item("hochalm", "2026-12-24", "k-1"),
        ],
    };
    assert_eq!(request.validate(TODAY).unwrap_err().field, "items");
}

#[test]
fn no_items_or_too_many_are_refused() {
    assert!(OrderRequest { items: vec![] }.validate(TODAY).is_err());
    let many = (0..21)
        .map(|n| item("hochalm", "2026-12-24", &format!("k-{n}")))
        .collect();
    assert!(OrderRequest { items: many }.validate(TODAY).is_err());
}

#[test]
fn a_price_in_the_request_is_refused() {
    let body = serde_json::json!({"items": [{"operator_id": "hochalm", "product_id": "DAY~ADULT",
        "date": "2026-12-24", "keycard_id": "k-1", "price": {"amount_cents": 1, "currency": "EUR"}}]});
    assert!(serde_json::from_value::<OrderRequest>(body).is_err());
}

#[test]
fn vienna_is_an_hour_ahead_in_winter_and_two_in_summer() {
    assert_eq!(
        vienna_today(datetime!(2026-12-01 23:30 UTC)),
        date!(2026 - 12 - 02)
    );
    assert_eq!(
        vienna_today(datetime!(2026-12-01 22:30 UTC)),
        date!(2026 - 12 - 01)
    );
    assert_eq!(
        vienna_today(datetime!(2026-07-01 22:30 UTC)),
        date!(2026 - 07 - 02)
    );
    assert_eq!(
        vienna_today(datetime!(2026-07-01 21:30 UTC)),
        date!(2026 - 07 - 01)
    );
}
