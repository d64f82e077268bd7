//! The supplier's webhook signature: `X-Signature: sha256=<hex HMAC-SHA256(secret, X-Timestamp
//! + "." + raw body)>`, compared in constant time, within a window around our clock.

use aws_lc_rs::hmac;

/// How far `X-Timestamp` may lie from our clock, either way, in seconds.
pub const WINDOW_SECONDS: i64 = 300;

/// Why an event was refused; the caller only ever learns "401".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("X-Timestamp or X-Signature is missing")]
    Missing,
    #[error("X-Timestamp is not a number of seconds")]
    MalformedTimestamp,
    #[error("X-Timestamp lies more than {WINDOW_SECONDS} s from now")]
    OutsideWindow,
    #[error("X-Signature is not sha256=<64 hex digits>")]
    MalformedSignature,
    #[error("X-Signature does not match")]
    Mismatch,
}

/// The webhook's shared secret.
pub struct Signature {
    key: hmac::Key,
}

impl Signature {
    pub fn new(secret: &str) -> Self {
        Self {
            key: hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes()),
        }
    }

    /// The `X-Signature` value for `timestamp` and `body`.
    pub fn sign(&self, timestamp: &str, body: &[u8]) -> String {
        let tag = hmac::sign(&self.key, &signed(timestamp, body));
        let hex: String = tag.as_ref().iter().map(|b| format!("{b:02x}")).collect();
        format!("sha256={hex}")
    }

    /// Accepts `body` if `signature` signs it with `timestamp` and the timestamp lies within
    /// [`WINDOW_SECONDS`] of `now` (Unix seconds).
    pub fn verify(
        &self,
        timestamp: Option<&str>,
        signature: Option<&str>,
        body: &[u8],
        now: i64,
    ) -> Result<(), SignatureError> {
        let (Some(timestamp), Some(signature)) = (timestamp, signature) else {
            return Err(SignatureError::Missing);
        };
        let seconds: i64 = timestamp
            .trim()
            .parse()
            .map_err(|_| SignatureError::MalformedTimestamp)?;
        if (now - seconds).abs() > WINDOW_SECONDS {
            return Err(SignatureError::OutsideWindow);
        }
        let tag = signature
            .trim()
            .strip_prefix("sha256=")
            .and_then(unhex)
            .ok_or(SignatureError::MalformedSignature)?;
        hmac::verify(&self.key, &signed(timestamp, body), &tag)
            .map_err(|_| SignatureError::Mismatch)
    }
}

fn signed(timestamp: &str, body: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(timestamp.len() + 1 + body.len());
    message.extend_from_slice(timestamp.as_bytes());
    message.push(b'.');
    message.extend_from_slice(body);
    message
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() != 64 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_made_with_the_secret_verifies_within_the_window() {
        let signature = Signature::new("secret");
        let header = signature.sign("1000", b"{}");
        assert_eq!(
            signature.verify(Some("1000"), Some(&header), b"{}", 1_200),
            Ok(())
        );
        assert_eq!(
            signature.verify(Some("1000"), Some(&header), b"{}", 1_301),
            Err(SignatureError::OutsideWindow)
        );
    }

    #[test]
    fn the_signature_is_the_hex_hmac_of_timestamp_dot_body() {
        // Computed independently: Python's hmac.new(secret, b"1700000000." + body, sha256).
        let signature = Signature::new("sandbox-webhook-secret");
        assert_eq!(
            signature.sign("1700000000", br#"{"status":"PRODUCED"}"#),
            "sha256=e07f8b5360a93ef9731f1257d3ed018dce618bf5749a6fb16d7e8e9cb43cde91"
        );
    }
}
