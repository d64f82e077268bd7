//! The credentials a request presents: HTTP Basic user and password, or a Bearer token.

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The user and password of `Authorization: Basic ...`, if well-formed.
pub(crate) fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}

/// Whether the request presents exactly this Basic user and password.
pub(crate) fn basic_matches(headers: &HeaderMap, user: &str, password: &str) -> bool {
    basic(headers).is_some_and(|(u, p)| u == user && p == password)
}

/// The token of `Authorization: Bearer ...`, if any.
pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|token| !token.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, HeaderValue::from_static(value));
        headers
    }

    #[test]
    fn basic_credentials_are_decoded() {
        // "api:key-1" in base64.
        let headers = with("Basic YXBpOmtleS0x");
        assert_eq!(basic(&headers), Some(("api".into(), "key-1".into())));
        assert!(basic_matches(&headers, "api", "key-1"));
        assert!(!basic_matches(&headers, "api", "key-2"));
    }

    #[test]
    fn a_bearer_token_is_read_and_other_schemes_are_not() {
        assert_eq!(bearer(&with("Bearer xoxb-1")), Some("xoxb-1"));
        assert_eq!(bearer(&with("Basic YXBpOmtleS0x")), None);
        assert_eq!(bearer(&with("Bearer ")), None);
        assert_eq!(basic(&with("Bearer xoxb-1")), None);
    }
}
