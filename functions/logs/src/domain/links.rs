//! Links into the CloudWatch console: a log stream at the time of an event, and a Logs
//! Insights query for one correlation id across every service's log group.

use shared::correlation::CorrelationId;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// How far before and after an event the links look.
const WINDOW_MS: i64 = 60 * 60 * 1000;

/// The console of one region, and the log groups an Insights query searches.
#[derive(Debug, Clone)]
pub struct Console {
    region: String,
    insights_groups: Vec<String>,
}

impl Console {
    /// Links for `region` whose Insights queries search `insights_groups` (at most 50 are used,
    /// the console's limit).
    pub fn new(region: impl Into<String>, insights_groups: Vec<String>) -> Self {
        let mut insights_groups = insights_groups;
        insights_groups.truncate(50);
        Self {
            region: region.into(),
            insights_groups,
        }
    }

    fn home(&self) -> String {
        format!(
            "https://{0}.console.aws.amazon.com/cloudwatch/home?region={0}",
            self.region
        )
    }

    /// The log stream, opened a minute before `at_ms`.
    pub fn stream_url(&self, log_group: &str, log_stream: &str, at_ms: i64) -> String {
        format!(
            "{}#logsV2:log-groups/log-group/{}/log-events/{}$3Fstart$3D{}",
            self.home(),
            percent(log_group).replace('%', "$25"),
            percent(log_stream).replace('%', "$25"),
            at_ms - 60_000,
        )
    }

    /// A Logs Insights query for `correlation_id` over every service's log group, an hour
    /// either side of `at_ms`; `None` without groups or for an id that is not well formed.
    pub fn insights_url(&self, correlation_id: &str, at_ms: i64) -> Option<String> {
        let id = CorrelationId::parse(correlation_id)?;
        if self.insights_groups.is_empty() {
            return None;
        }
        let query = format!(
            "fields @timestamp, @log, level, service, event, message\n| filter correlation_id = \"{id}\"\n| sort @timestamp asc"
        );
        let sources: String = self
            .insights_groups
            .iter()
            .map(|group| format!("~'{}", starred(group)))
            .collect();
        let detail = format!(
            "~(end~'{}~start~'{}~timeType~'ABSOLUTE~tz~'UTC~editorString~'{}~source~({sources}))",
            starred(&iso(at_ms + WINDOW_MS)),
            starred(&iso(at_ms - WINDOW_MS)),
            starred(&query),
        );
        Some(format!(
            "{}#logsV2:logs-insights$3FqueryDetail$3D{detail}",
            self.home()
        ))
    }
}

fn iso(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// `encodeURIComponent`: everything but letters, digits and `-_.!~*'()` as `%XX`.
fn percent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The console's encoding of values inside a query detail: every byte but letters, digits
/// and `-_.` as `*xx`.
fn starred(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("*{byte:02x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn console() -> Console {
        Console::new(
            "eu-central-1",
            vec![
                "/aws/lambda/starjack-auth-api".into(),
                "/starjack/frontend".into(),
            ],
        )
    }

    #[test]
    fn the_stream_link_names_group_and_stream_in_the_consoles_encoding() {
        let url = console().stream_url(
            "/aws/lambda/starjack-auth-api",
            "2026/11/27/[$LATEST]abc",
            1_795_774_542_000,
        );
        assert_eq!(
            url,
            "https://eu-central-1.console.aws.amazon.com/cloudwatch/home?region=eu-central-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Fstarjack-auth-api/log-events/2026$252F11$252F27$252F$255B$2524LATEST$255Dabc$3Fstart$3D1795774482000"
        );
    }

    #[test]
    fn the_insights_link_queries_the_correlation_id_across_all_groups() {
        let url = console()
            .insights_url("corr-42", 1_795_774_542_000)
            .unwrap();
        assert!(url.contains("#logsV2:logs-insights$3FqueryDetail$3D~(end~'2026-11-27T11*3a15*3a42Z~start~'2026-11-27T09*3a15*3a42Z"));
        assert!(url.contains("filter*20correlation_id*20*3d*20*22corr-42*22"));
        assert!(
            url.contains("~source~(~'*2faws*2flambda*2fstarjack-auth-api~'*2fstarjack*2ffrontend)")
        );
    }

    #[test]
    fn no_insights_link_for_a_malformed_id_or_without_groups() {
        assert_eq!(console().insights_url("a\" | delete", 0), None);
        assert_eq!(
            Console::new("eu-central-1", vec![]).insights_url("corr-1", 0),
            None
        );
    }
}
