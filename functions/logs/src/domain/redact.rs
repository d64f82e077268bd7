//! Removes secrets, tokens, passwords and card numbers from text before it leaves for Slack
//! or a log group.

use regex::{Captures, Regex};
use std::borrow::Cow;
use std::sync::LazyLock;

/// What a removed value is replaced with.
pub const MASK: &str = "[REDACTED]";

/// The key of a `key=value` or `"key": value` pair that holds a secret: `password`,
/// `"client_secret"`, `\"token\"`, `'password'`, `AWS_SECRET_ACCESS_KEY`, `appid`, ...
static KEY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r#"(?i)(?:\\?["'])?(?:\b[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|appid|authorization|signature|cvv|cvc|card[_-]?number)[a-z0-9_.-]*|\bpan)\b(?:\\?["'])?\s*[:=]\s*"#,
    )
});

/// `Bearer …` and `Basic …` credentials.
static AUTH_SCHEME: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}"));

/// JSON Web Tokens, Slack tokens and webhooks, AWS access key ids, argon2 hashes and PEM
/// private keys (to their end, or to the end of the text when cut off).
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?s)eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{6,}|\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|(?i:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]+|\$argon2(?:id|i|d)\$[A-Za-z0-9+/=$,]+|-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\z)",
    )
});

static URL_PASSWORD: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s:/@]+:)[^\s@/]+@"));

/// Runs of 13 to 19 digits, possibly grouped by spaces or dashes.
static DIGITS: LazyLock<Regex> = LazyLock::new(|| compile(r"\b\d(?:[ -]?\d){12,18}\b"));

/// A word that starts the next `key=` or `key:` field of a line.
static NEXT_KEY: LazyLock<Regex> = LazyLock::new(|| compile(r"^[A-Za-z0-9_.-]+\s*[:=]"));

/// What ends an unquoted value, besides the next field's key.
const SEPARATORS: &[char] = &[
    ',', ';', '&', '"', '\'', '}', ']', ')', '\\', '\n', '\r', '\t',
];

fn compile(pattern: &str) -> Regex {
    #[allow(clippy::expect_used)]
    Regex::new(pattern).expect("redaction patterns are valid")
}

/// `text` with every secret it contains masked; borrowed when there was nothing to mask.
pub fn redact(text: &str) -> Cow<'_, str> {
    let mut out = mask_values(text);
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

/// Masks the value after every secret key, keeping its quotes.
fn mask_values(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut done = 0;
    for key in KEY.find_iter(text) {
        if key.start() < done {
            continue;
        }
        let rest = &text[key.end()..];
        let (quote, len) = value_extent(rest);
        if len == 0 {
            continue;
        }
        out.push_str(&text[done..key.end()]);
        out.push_str(&format!("{quote}{MASK}{quote}"));
        done = key.end() + len;
    }
    if done == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// The quote around the value at the start of `rest` and the value's length in bytes: a quoted
/// string (`"…"`, `\"…\"`, `'…'`), or unquoted words up to the next separator or key.
fn value_extent(rest: &str) -> (&'static str, usize) {
    for quote in ["\\\"", "\"", "'"] {
        if let Some(body) = rest.strip_prefix(quote) {
            let end = closing(body, quote).unwrap_or(body.len());
            let len = quote.len() + end + if end < body.len() { quote.len() } else { 0 };
            return (quote, len);
        }
    }
    let mut len = 0;
    loop {
        let word = rest[len..]
            .find(|c: char| c == ' ' || SEPARATORS.contains(&c))
            .unwrap_or(rest.len() - len);
        len += word;
        let after = &rest[len..];
        let next = after.trim_start_matches(' ');
        if word == 0
            || !after.starts_with(' ')
            || next.is_empty()
            || next.starts_with(SEPARATORS)
            || NEXT_KEY.is_match(next)
        {
            return ("", len);
        }
        len += after.len() - next.len();
    }
}

/// Where the unescaped closing `quote` lies in `body`.
fn closing(body: &str, quote: &str) -> Option<usize> {
    if quote == "\\\"" {
        return body.find(quote);
    }
    let mut escaped = false;
    for (at, c) in body.char_indices() {
        match c {
            '\\' if quote == "\"" => escaped = !escaped,
            c if !escaped && quote.starts_with(c) => return Some(at),
            _ => escaped = false,
        }
    }
    None
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
mod tests;
