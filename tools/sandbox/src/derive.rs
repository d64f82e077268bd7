//! Deterministic values: identifiers, numbers and choices derived from a request's content by
//! SHA-256, so the same input always gets the same answer; and the HMAC of webhook signatures.

use aws_lc_rs::{digest, hmac};

/// The SHA-256 of the parts, each followed by a separator so `("ab", "c")` differs from `("a", "bc")`.
pub(crate) fn digest(parts: &[&str]) -> [u8; 32] {
    let mut context = digest::Context::new(&digest::SHA256);
    for part in parts {
        context.update(part.as_bytes());
        context.update(&[0x1f]);
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(context.finish().as_ref());
    out
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A number derived from the parts, in `0..bound` (`bound > 0`).
pub(crate) fn number(parts: &[&str], bound: u64) -> u64 {
    let bytes = digest(parts);
    let mut first = [0u8; 8];
    first.copy_from_slice(&bytes[..8]);
    u64::from_be_bytes(first) % bound.max(1)
}

/// A fraction in `0.0..1.0` derived from the parts.
pub(crate) fn fraction(parts: &[&str]) -> f64 {
    number(parts, 1_000_000) as f64 / 1_000_000.0
}

/// `len` decimal digits derived from the parts.
pub(crate) fn digits(parts: &[&str], len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut round = 0u32;
    while out.len() < len {
        let salt = round.to_string();
        let mut all = parts.to_vec();
        all.push(&salt);
        for byte in digest(&all) {
            if out.len() < len && byte < 250 {
                out.push(char::from(b'0' + byte % 10));
            }
        }
        round += 1;
    }
    out
}

/// `payload` followed by its Luhn check digit (the digit that makes the whole pass).
pub(crate) fn with_luhn_digit(payload: &str) -> String {
    let sum: u32 = payload
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { luhn_double(d) } else { d })
        .sum();
    format!("{payload}{}", (10 - sum % 10) % 10)
}

/// Whether `number` passes the Luhn check.
#[cfg(test)]
pub(crate) fn luhn_valid(number: &str) -> bool {
    !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && number
            .chars()
            .rev()
            .filter_map(|c| c.to_digit(10))
            .enumerate()
            .map(|(i, d)| if i % 2 == 1 { luhn_double(d) } else { d })
            .sum::<u32>()
            % 10
            == 0
}

fn luhn_double(digit: u32) -> u32 {
    let doubled = digit * 2;
    if doubled > 9 { doubled - 9 } else { doubled }
}

/// `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`, the keycard supplier's signature.
pub(crate) fn webhook_signature(secret: &str, timestamp: &str, body: &str) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    let tag = hmac::sign(&key, format!("{timestamp}.{body}").as_bytes());
    format!("sha256={}", hex(tag.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_with_its_luhn_digit_passes_the_check() {
        assert_eq!(with_luhn_digit("7992739871"), "79927398713");
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("79927398710"));
    }

    #[test]
    fn derived_digits_have_the_asked_length_and_repeat_for_the_same_input() {
        let once = digits(&["order-1"], 40);
        assert_eq!(once.len(), 40);
        assert!(once.chars().all(|c| c.is_ascii_digit()));
        assert_eq!(once, digits(&["order-1"], 40));
        assert_ne!(once, digits(&["order-2"], 40));
    }

    #[test]
    fn the_webhook_signature_matches_one_computed_independently() {
        // Python: hmac.new(b"sandbox-webhook-secret", b'1700000000.{"status":"PRODUCED"}', sha256)
        assert_eq!(
            webhook_signature(
                "sandbox-webhook-secret",
                "1700000000",
                r#"{"status":"PRODUCED"}"#
            ),
            "sha256=e07f8b5360a93ef9731f1257d3ed018dce618bf5749a6fb16d7e8e9cb43cde91"
        );
    }
}
