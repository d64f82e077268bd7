//! Where a line came from: the service and function named by its log group, and the
//! fingerprint that makes repeats of one failure recognisable.

use regex::Regex;
use std::sync::LazyLock;

const LAMBDA_GROUP_PREFIX: &str = "/aws/lambda/";

/// The function whose log group this is (`/aws/lambda/starjack-auth-api` → `starjack-auth-api`).
pub fn function_of_group(log_group: &str) -> Option<&str> {
    log_group
        .strip_prefix(LAMBDA_GROUP_PREFIX)
        .filter(|name| !name.is_empty())
}

/// The service a log group belongs to: the first word of its last path segment once the
/// stack name is taken off (`/aws/lambda/starjack-order-processor` → `order`,
/// `/starjack/frontend` → `frontend`).
pub fn service_of_group(log_group: &str, stack: &str) -> String {
    let last = log_group.rsplit('/').find(|s| !s.is_empty()).unwrap_or("");
    let unprefixed = last
        .strip_prefix(stack)
        .and_then(|rest| rest.strip_prefix('-'))
        .unwrap_or(last);
    unprefixed
        .split('-')
        .next()
        .filter(|word| !word.is_empty())
        .unwrap_or("unknown")
        .to_owned()
}

static VARIABLE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(
        r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\b[0-9a-fA-F]*\d[0-9a-fA-F]*\b|\d+",
    )
    .expect("the fingerprint pattern is valid")
});

/// Characters of a message that take part in its fingerprint.
const FINGERPRINT_PREFIX: usize = 200;

/// A short fingerprint of a message with its ids and numbers taken out, so that
/// `order 41 failed` and `order 42 failed` count as one failure.
pub fn fingerprint(message: &str) -> String {
    let head: String = message.chars().take(FINGERPRINT_PREFIX).collect();
    let normalised = VARIABLE.replace_all(&head, "#").to_lowercase();
    shared::digest::sha256_hex(normalised.as_bytes())[..16].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_are_named_by_their_log_group() {
        for (group, service) in [
            ("/aws/lambda/starjack-auth-api", "auth"),
            ("/aws/lambda/starjack-order-processor", "order"),
            ("/aws/lambda/starjack-keycards-sync", "keycards"),
            ("/starjack/frontend", "frontend"),
            ("/aws/lambda/other-stack-mail-sender", "other"),
        ] {
            assert_eq!(service_of_group(group, "starjack"), service, "{group}");
        }
        assert_eq!(
            function_of_group("/aws/lambda/starjack-auth-api"),
            Some("starjack-auth-api")
        );
        assert_eq!(function_of_group("/starjack/frontend"), None);
    }

    #[test]
    fn messages_differing_only_in_ids_and_numbers_share_a_fingerprint() {
        assert_eq!(
            fingerprint(
                "order 41 failed after 1500 ms (request 6f1c2a9e-0c55-4c59-9d4e-2b1f5f0a7c11)"
            ),
            fingerprint(
                "order 42 failed after 12 ms (request 0a1b2c3d-0c55-4c59-9d4e-2b1f5f0a7c11)"
            )
        );
        assert_ne!(fingerprint("order failed"), fingerprint("payment failed"));
        assert_eq!(fingerprint("x").len(), 16);
    }
}
