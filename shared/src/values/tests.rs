use super::*;

#[test]
fn decimal_prices_become_integer_cents() {
    assert_eq!(Money::from_decimal("59", "EUR").unwrap().amount_cents, 5900);
    assert_eq!(
        Money::from_decimal("59.5", "EUR").unwrap().amount_cents,
        5950
    );
    assert_eq!(Money::from_decimal("0.05", "EUR").unwrap().amount_cents, 5);
}

#[test]
fn odd_amounts_and_currencies_are_refused() {
    for amount in ["", "-1", "1e3", "59.999", "1.2.3", "NaN", "99999999999"] {
        assert!(Money::from_decimal(amount, "EUR").is_err(), "{amount}");
    }
    assert!(Money::from_decimal("1", "eur").is_err());
}

#[test]
fn a_day_reads_and_writes_as_yyyy_mm_dd() {
    let day = Day::parse("date", "2026-12-24").unwrap();
    assert_eq!(day.to_string(), "2026-12-24");
    assert!(Day::parse("date", "24.12.2026").is_err());
    assert!(Day::parse("date", "2026-02-30").is_err());
}

#[test]
fn an_external_order_id_with_odd_characters_is_refused() {
    assert!(ExternalOrderId::parse("ord-2026_1:a.b").is_ok());
    assert!(ExternalOrderId::parse("a/b").is_err());
    assert!(ExternalOrderId::parse(&"a".repeat(65)).is_err());
}

fn keycard(chip_id: &str) -> Keycard {
    Keycard {
        chip_id: chip_id.to_owned(),
        serial_number: "12-3456789-01".to_owned(),
        luhn_number: "4012888888881881".to_owned(),
    }
}

#[test]
fn a_booking_holds_one_to_twenty_items_each_on_a_well_formed_keycard() {
    let items = |n: usize| vec![keycard("E0040150C3A1B2C4"); n];
    assert!(check_items(&items(1), |k| k).is_ok());
    assert!(check_items(&items(MAX_ITEMS), |k| k).is_ok());
    assert_eq!(check_items(&items(0), |k| k).unwrap_err().field, "items");
    assert_eq!(
        check_items(&items(MAX_ITEMS + 1), |k| k).unwrap_err().field,
        "items"
    );
    let bad = vec![keycard("E004/0150")];
    assert_eq!(
        check_items(&bad, |k| k).unwrap_err().field,
        "keycard.chip_id"
    );
}

#[test]
fn the_same_items_share_a_fingerprint_and_other_items_do_not() {
    let one = vec![keycard("A1")];
    assert_eq!(fingerprint(&one), fingerprint(&vec![keycard("A1")]));
    assert_ne!(fingerprint(&one), fingerprint(&vec![keycard("A2")]));
}

#[test]
fn the_locale_is_the_first_known_language_accepted() {
    assert_eq!(
        Locale::from_accept_language(Some("fr-CH, de-AT;q=0.8")),
        Locale::De
    );
    assert_eq!(Locale::from_accept_language(None), Locale::En);
}

#[test]
fn money_reads_as_its_currency_and_decimal_amount() {
    let money = |cents| Money {
        amount_cents: cents,
        currency: "EUR".into(),
    };
    assert_eq!(money(5950).to_string(), "EUR 59.50");
    assert_eq!(money(5).to_string(), "EUR 0.05");
    assert_eq!(money(-120).to_string(), "EUR -1.20");
}
