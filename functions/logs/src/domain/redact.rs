//! Removes secrets, tokens, passwords and card numbers from text before it leaves for Slack
//! or a log group.

use regex::{Captures, Regex};
use std::borrow::Cow;
use std::sync::LazyLock;

/// What a removed value is replaced with.
pub const MASK: &str = "[REDACTED]";

/// `password=…`, `"client_secret": "…"`, `token: …`, `appid=…` and the like.
static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r#"(?i)("?\b[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|appid|authorization|signature|cvv|cvc|card[_-]?number|\bpan)\b"?\s*[:=]\s*)((?:(?:bearer|basic)\s+)?(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&"'}\]]+))"#,
    )
});

/// `Bearer …` and `Basic …` credentials.
static AUTH_SCHEME: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}"));

/// JSON Web Tokens, Slack tokens, AWS access key ids, and passwords in URLs.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|\bxox[abposr]-[A-Za-z0-9-]{6,}|\b(?:AKIA|ASIA)[A-Z0-9]{16}\b",
    )
});

static URL_PASSWORD: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s:/@]+:)[^\s@/]+@"));

/// Runs of 13 to 19 digits, possibly grouped by spaces or dashes.
static DIGITS: LazyLock<Regex> = LazyLock::new(|| compile(r"\b\d(?:[ -]?\d){12,18}\b"));

fn compile(pattern: &str) -> Regex {
    #[allow(clippy::expect_used)]
    Regex::new(pattern).expect("redaction patterns are valid")
}

/// `text` with every secret it contains masked; borrowed when there was nothing to mask.
pub fn redact(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    replace(&mut out, &KEY_VALUE, |caps| {
        let value = &caps[2];
        let quote = if value.starts_with('"') || value.starts_with('\'') {
            &value[..1]
        } else {
            ""
        };
        format!("{}{quote}{MASK}{quote}", &caps[1])
    });
    replace(&mut out, &AUTH_SCHEME, |caps| {
        format!("{} {MASK}", &caps[1])
    });
    replace(&mut out, &TOKEN, |_| MASK.to_owned());
    replace(&mut out, &URL_PASSWORD, |caps| {
        format!("{}{MASK}@", &caps[1])
    });
    replace(&mut out, &DIGITS, |caps| {
        if is_card_number(&caps[0]) {
            MASK.to_owned()
        } else {
            caps[0].to_owned()
        }
    });
    out
}

fn replace(text: &mut Cow<'_, str>, pattern: &Regex, with: impl Fn(&Captures<'_>) -> String) {
    if let Cow::Owned(changed) = pattern.replace_all(text, |caps: &Captures<'_>| with(caps)) {
        *text = Cow::Owned(changed);
    }
}

/// Whether `candidate` (digits with optional separators) passes the Luhn check.
fn is_card_number(candidate: &str) -> bool {
    let digits: Vec<u32> = candidate.chars().filter_map(|c| c.to_digit(10)).collect();
    if !(13..=19).contains(&digits.len()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| match (i % 2, d * 2) {
            (0, _) => d,
            (_, doubled) if doubled > 9 => doubled - 9,
            (_, doubled) => doubled,
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_and_secrets_in_key_value_form_are_masked() {
        assert_eq!(
            redact(r#"login failed for {"email":"a@b.c","password":"hunter2 two"}"#),
            r#"login failed for {"email":"a@b.c","password":"[REDACTED]"}"#
        );
        assert_eq!(
            redact("GET /data?lat=1&appid=abc123&units=metric"),
            "GET /data?lat=1&appid=[REDACTED]&units=metric"
        );
        assert_eq!(
            redact("client_secret: s3cr3t, next"),
            "client_secret: [REDACTED], next"
        );
        assert_eq!(redact("SLACK_BOT_TOKEN=xyz"), "SLACK_BOT_TOKEN=[REDACTED]");
        assert_eq!(
            redact("Authorization: Bearer abcdefghijkl, next"),
            "Authorization: [REDACTED], next"
        );
    }

    #[test]
    fn bearer_tokens_jwts_and_provider_keys_are_masked() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmF0dXJl";
        assert_eq!(
            redact("authorization header Bearer abcdef123456 refused"),
            "authorization header Bearer [REDACTED] refused"
        );
        assert_eq!(
            redact(&format!("token {jwt} expired")),
            "token [REDACTED] expired"
        );
        assert_eq!(
            redact("posting with xoxb-1234-5678-abcdef failed"),
            "posting with [REDACTED] failed"
        );
        assert_eq!(redact("key AKIAIOSFODNN7EXAMPLE"), "key [REDACTED]");
        assert_eq!(
            redact("connect https://api:key-123@mailgun.test/v3"),
            "connect https://api:[REDACTED]@mailgun.test/v3"
        );
    }

    #[test]
    fn card_numbers_are_masked_but_other_numbers_stay() {
        assert_eq!(
            redact("card 4111 1111 1111 1111 declined"),
            "card [REDACTED] declined"
        );
        assert_eq!(redact("pan=5500-0000-0000-0004"), "pan=[REDACTED]");
        assert_eq!(redact("card 4111111111111111."), "card [REDACTED].");
        assert_eq!(
            redact("order 1234567890123 has 3 items"),
            "order 1234567890123 has 3 items"
        );
        assert_eq!(redact("took 1500 ms"), "took 1500 ms");
    }

    #[test]
    fn text_without_secrets_is_returned_unchanged_and_borrowed() {
        let text = "booking refused by provider: ticket sold out";
        assert!(matches!(redact(text), Cow::Borrowed(t) if t == text));
    }
}
