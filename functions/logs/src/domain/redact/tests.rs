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

#[test]
fn secrets_in_escaped_json_are_masked() {
    assert_eq!(
        redact(r#"body was "{\"email\":\"a@b.c\",\"password\":\"x y\"}""#),
        r#"body was "{\"email\":\"a@b.c\",\"password\":\"[REDACTED]\"}""#
    );
}

#[test]
fn argon2_hashes_are_masked() {
    assert_eq!(
        redact("stored hash $argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo for u-1"),
        "stored hash [REDACTED] for u-1"
    );
}

#[test]
fn aws_secret_access_keys_in_the_environment_are_masked() {
    assert_eq!(
        redact(
            "env AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY AWS_REGION=eu-central-1"
        ),
        "env AWS_SECRET_ACCESS_KEY=[REDACTED] AWS_REGION=eu-central-1"
    );
}

#[test]
fn pem_private_keys_are_masked_whole_even_when_cut_off() {
    let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----";
    assert_eq!(
        redact(&format!("key {pem} loaded")),
        "key [REDACTED] loaded"
    );
    assert_eq!(
        redact(r"signing key -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA"),
        "signing key [REDACTED]"
    );
}

#[test]
fn single_quoted_keys_and_values_are_masked() {
    assert_eq!(
        redact("params {'user': 'bob', 'password': 'x y'}"),
        "params {'user': 'bob', 'password': '[REDACTED]'}"
    );
}

#[test]
fn slack_webhooks_and_app_tokens_are_masked() {
    assert_eq!(
        redact("posting to https://hooks.slack.com/services/T0001/B0002/abcDEF123 failed"),
        "posting to [REDACTED] failed"
    );
    assert_eq!(
        redact("socket mode with xapp-1-A0123-4567-abcdef refused"),
        "socket mode with [REDACTED] refused"
    );
}

#[test]
fn a_multi_word_value_is_masked_up_to_the_next_field() {
    assert_eq!(
        redact("password=correct horse battery"),
        "password=[REDACTED]"
    );
    assert_eq!(
        redact("login password=correct horse battery user=bob, retry"),
        "login password=[REDACTED] user=bob, retry"
    );
    assert_eq!(
        redact("password=one two token=three four; done"),
        "password=[REDACTED] token=[REDACTED]; done"
    );
}
