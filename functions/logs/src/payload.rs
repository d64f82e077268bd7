//! The CloudWatch Logs subscription payload: `{"awslogs": {"data": base64(gzip(JSON))}}`,
//! decoded into aws_lambda_events' `LogData` with a cap on the decompressed size.
//!
//! `LogsEvent`'s own deserializer decompresses without any bound, so a small payload could
//! unpack into gigabytes; we read the same envelope, inflate at most `max_decompressed` bytes,
//! and deserialize the result into the same `LogData` type.

use aws_lambda_events::cloudwatch_logs::LogData;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use std::io::Read;

/// The `messageType` of the test message CloudWatch Logs sends when a subscription is created.
pub const CONTROL_MESSAGE: &str = "CONTROL_MESSAGE";

/// The default cap on the decompressed JSON. One PutLogEvents batch holds at most 1 MiB of
/// messages in at most 10,000 events; with JSON escaping and each event's id and timestamp
/// that stays well within 8 MiB.
pub const DEFAULT_MAX_DECOMPRESSED: usize = 8 * 1024 * 1024;

/// The event as Lambda receives it from a subscription.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Envelope {
    pub awslogs: Compressed,
}

/// The base64 text of the gzipped `LogData`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Compressed {
    pub data: String,
}

/// Why a payload could not be read. None of these gets better by retrying.
#[derive(Debug, thiserror::Error)]
pub enum PayloadError {
    #[error("the payload data is not base64: {0}")]
    Base64(#[from] base64::DecodeError),
    #[error("the payload data is not gzip: {0}")]
    Gzip(#[source] std::io::Error),
    #[error("the payload decompresses to more than {0} bytes")]
    TooLarge(usize),
    #[error("the payload is not CloudWatch Logs data: {0}")]
    Json(#[from] serde_json::Error),
}

impl Envelope {
    /// Decodes base64, inflates at most `max_decompressed` bytes, and parses the JSON.
    pub fn decode(&self, max_decompressed: usize) -> Result<LogData, PayloadError> {
        let compressed = STANDARD.decode(self.awslogs.data.trim())?;
        let mut json = Vec::with_capacity(compressed.len().saturating_mul(8).min(max_decompressed));
        let limit = u64::try_from(max_decompressed)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        flate2::read::GzDecoder::new(compressed.as_slice())
            .take(limit)
            .read_to_end(&mut json)
            .map_err(PayloadError::Gzip)?;
        if json.len() > max_decompressed {
            return Err(PayloadError::TooLarge(max_decompressed));
        }
        Ok(serde_json::from_slice(&json)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_lambda_events::cloudwatch_logs::LogsEvent;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn envelope(json: &[u8]) -> Envelope {
        let mut gzip = GzEncoder::new(Vec::new(), Compression::default());
        gzip.write_all(json).unwrap();
        Envelope {
            awslogs: Compressed {
                data: STANDARD.encode(gzip.finish().unwrap()),
            },
        }
    }

    const DATA: &str = r#"{"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"/aws/lambda/starjack-auth-api","logStream":"s","subscriptionFilters":["f"],"logEvents":[{"id":"1","timestamp":1,"message":"hello"}]}"#;

    #[test]
    fn decoding_agrees_with_the_logs_event_type() {
        let ours = envelope(DATA.as_bytes());
        let theirs: LogsEvent =
            serde_json::from_str(&serde_json::to_string(&ours).unwrap()).unwrap();
        assert_eq!(
            ours.decode(DEFAULT_MAX_DECOMPRESSED).unwrap(),
            theirs.aws_logs.data
        );
    }

    #[test]
    fn a_payload_larger_than_the_cap_is_refused_without_inflating_it_all() {
        let mut bomb = DATA.as_bytes().to_vec();
        bomb.extend(std::iter::repeat_n(b' ', 4096));
        let err = envelope(&bomb).decode(1024).unwrap_err();
        assert!(matches!(err, PayloadError::TooLarge(1024)));
        assert!(envelope(&bomb).decode(8192).is_ok());
    }

    #[test]
    fn malformed_base64_gzip_and_json_are_told_apart() {
        let bad = |data: &str| Envelope {
            awslogs: Compressed { data: data.into() },
        };
        assert!(matches!(
            bad("not base64!").decode(1024),
            Err(PayloadError::Base64(_))
        ));
        assert!(matches!(
            bad(&STANDARD.encode(b"plain text, not gzip")).decode(1024),
            Err(PayloadError::Gzip(_))
        ));
        assert!(matches!(
            envelope(b"[1, 2]").decode(1024),
            Err(PayloadError::Json(_))
        ));
    }
}
