use super::*;

fn matches(pattern: &str, message: &str) -> bool {
    FilterPattern::parse(pattern).unwrap().matches(message)
}

#[test]
fn an_empty_pattern_matches_everything() {
    assert!(matches("", "anything at all"));
}

#[test]
fn text_terms_must_all_appear_and_question_marked_ones_are_alternatives() {
    assert!(matches("ERROR payment", "ERROR in payment"));
    assert!(!matches("ERROR payment", "ERROR in order"));
    assert!(matches(
        r#"?ERROR ?WARN ?"Task timed out""#,
        "2026 Task timed out after 3.00 seconds"
    ));
    assert!(matches("?ERROR ?WARN", r#"{"level":"WARN"}"#));
    assert!(!matches("?ERROR ?WARN", r#"{"level":"INFO"}"#));
    assert!(!matches("ERROR -expected", "ERROR but expected"));
}

#[test]
fn json_patterns_compare_fields_with_or_and_parentheses() {
    let pattern =
        r#"{ ($.level = "ERROR") || ($.level = "WARN") || ($.event = "order.completed") }"#;
    assert!(matches(pattern, r#"{"level":"ERROR","message":"x"}"#));
    assert!(matches(
        pattern,
        r#"{"level":"INFO","event":"order.completed"}"#
    ));
    assert!(!matches(
        pattern,
        r#"{"level":"INFO","event":"user.logged_in"}"#
    ));
    assert!(
        !matches(pattern, "Task timed out after 3.00 seconds"),
        "a JSON pattern never matches plain text"
    );
}

#[test]
fn json_patterns_support_and_numbers_wildcards_and_exists() {
    assert!(matches(
        r#"{ $.status >= 500 && $.service = "pay*" }"#,
        r#"{"status":503,"service":"payment"}"#
    ));
    assert!(!matches(r#"{ $.status >= 500 }"#, r#"{"status":404}"#));
    assert!(matches("{ $.cause EXISTS }", r#"{"cause":"x"}"#));
    assert!(matches("{ $.cause NOT EXISTS }", r#"{"level":"x"}"#));
    assert!(matches(r#"{ $.a.b[1] = "y" }"#, r#"{"a":{"b":["x","y"]}}"#));
}

#[test]
fn malformed_patterns_are_refused_with_a_reason() {
    assert!(FilterPattern::parse(r#"{ $.level = "ERROR" "#).is_err());
    assert!(FilterPattern::parse(r#"{ $.level "ERROR" }"#).is_err());
    assert!(FilterPattern::parse(r#"?"unclosed"#).is_err());
}
