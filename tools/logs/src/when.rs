//! Times on the command line: `2h`, `90m`, `1h30m`, `2d`, `1w` ago, or an RFC 3339 time.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A time given as text that cannot be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is neither a duration such as 2h, 30m or 1h30m nor an RFC 3339 time")]
pub struct BadTime(pub String);

/// Milliseconds since the epoch for `text`, relative durations counted back from `now_ms`.
pub fn parse(text: &str, now_ms: i64) -> Result<i64, BadTime> {
    let text = text.trim();
    if text == "now" {
        return Ok(now_ms);
    }
    if let Ok(time) = OffsetDateTime::parse(text, &Rfc3339) {
        return Ok((time.unix_timestamp_nanos() / 1_000_000) as i64);
    }
    duration_ms(text)
        .map(|ago| now_ms - ago)
        .ok_or_else(|| BadTime(text.to_owned()))
}

/// `1h30m` as milliseconds; `None` unless the whole text is number-unit pairs.
fn duration_ms(text: &str) -> Option<i64> {
    let mut total: i64 = 0;
    let mut digits = String::new();
    let mut any = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit: i64 = match c {
            's' => 1_000,
            'm' => 60_000,
            'h' => 3_600_000,
            'd' => 86_400_000,
            'w' => 7 * 86_400_000,
            _ => return None,
        };
        let amount: i64 = digits.parse().ok()?;
        total = total.checked_add(amount.checked_mul(unit)?)?;
        digits.clear();
        any = true;
    }
    (any && digits.is_empty()).then_some(total)
}

/// `ms` as an RFC 3339 time with milliseconds.
pub fn format(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| {
            t.replace_nanosecond((ms.rem_euclid(1000) as u32) * 1_000_000)
                .ok()
        })
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| ms.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_774_542_000;

    #[test]
    fn durations_count_back_from_now() {
        assert_eq!(parse("2h", NOW), Ok(NOW - 2 * 3_600_000));
        assert_eq!(parse("90m", NOW), Ok(NOW - 90 * 60_000));
        assert_eq!(parse("1h30m", NOW), Ok(NOW - 90 * 60_000));
        assert_eq!(parse("45s", NOW), Ok(NOW - 45_000));
        assert_eq!(parse("2d", NOW), Ok(NOW - 2 * 86_400_000));
        assert_eq!(parse("1w", NOW), Ok(NOW - 7 * 86_400_000));
        assert_eq!(parse("now", NOW), Ok(NOW));
    }

    #[test]
    fn rfc3339_times_are_absolute() {
        assert_eq!(parse("2026-11-27T10:15:42Z", 0), Ok(NOW));
        assert_eq!(parse("2026-11-27T11:15:42.5+01:00", 0), Ok(NOW + 500));
    }

    #[test]
    fn anything_else_is_refused_with_the_text_named() {
        for bad in ["", "2", "h", "2x", "yesterday", "2h30", "-2h"] {
            assert_eq!(parse(bad, NOW), Err(BadTime(bad.to_owned())), "{bad}");
        }
    }

    #[test]
    fn times_are_shown_with_milliseconds() {
        assert_eq!(format(NOW + 123), "2026-11-27T10:15:42.123Z");
    }
}
