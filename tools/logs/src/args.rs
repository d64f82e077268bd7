//! The command line.

use crate::filter::{self, Filter};
use crate::when;
use clap::{Parser, ValueEnum};
use logs::domain::line::Level;

/// Search and follow the logs of every Starjack service at once, merged in time order.
///
/// Reaches CloudWatch Logs with the usual AWS settings (AWS_REGION, credentials, and
/// AWS_ENDPOINT_URL for moto's server locally).
#[derive(Debug, Parser)]
#[command(name = "starjack-logs", version)]
pub struct Args {
    /// Events since: a duration ago (2h, 30m, 1h30m, 2d) or an RFC 3339 time.
    #[arg(long, default_value = "1h")]
    pub since: String,
    /// Events until (same forms as --since); default now.
    #[arg(long)]
    pub until: Option<String>,
    /// Only these services' log groups (repeatable): auth, order, frontend, ...
    #[arg(long = "service", short = 's')]
    pub services: Vec<String>,
    /// Only this level and worse: error, warn, info, debug.
    #[arg(long, value_parser = level)]
    pub level: Option<Level>,
    /// Only events whose text contains this.
    #[arg(long = "grep", short = 'g')]
    pub text: Option<String>,
    /// Only JSON lines whose field has this value (repeatable): --field event=request.failed
    #[arg(long = "field", value_parser = filter::field)]
    pub fields: Vec<(String, String)>,
    /// One request across services: lines whose correlation_id is this.
    #[arg(long)]
    pub correlation: Option<String>,
    /// Keep printing new events as they arrive.
    #[arg(long, short = 'f')]
    pub follow: bool,
    /// One JSON object per event.
    #[arg(long)]
    pub json: bool,
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = Colour::Auto)]
    pub color: Colour,
    /// The stack whose groups are searched: /aws/lambda/<stack>-* and /<stack>/*.
    #[arg(long, env = "STARJACK_STACK", default_value = "starjack")]
    pub stack: String,
    /// Search these log groups instead of the stack's (repeatable).
    #[arg(long = "group")]
    pub groups: Vec<String>,
    /// Events read per group at most.
    #[arg(long, default_value_t = 10_000)]
    pub limit: usize,
    /// Seconds between polls with --follow.
    #[arg(long, default_value_t = 2)]
    pub interval: u64,
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Colour {
    Auto,
    Always,
    Never,
}

fn level(raw: &str) -> Result<Level, String> {
    Level::parse(raw)
        .ok_or_else(|| format!("{raw:?} is not one of error, warn, info, debug, trace"))
}

impl Args {
    /// The filter the arguments describe.
    pub fn filter(&self) -> Filter {
        Filter {
            min_level: self.level,
            text: self.text.clone(),
            fields: self.fields.clone(),
            correlation: self.correlation.clone(),
        }
    }

    /// The time range in milliseconds since the epoch.
    pub fn range(&self, now_ms: i64) -> Result<(i64, Option<i64>), when::BadTime> {
        let start = when::parse(&self.since, now_ms)?;
        let end = self
            .until
            .as_deref()
            .map(|until| when::parse(until, now_ms))
            .transpose()?;
        Ok((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arguments_make_a_filter_and_a_range() {
        let args = Args::parse_from([
            "starjack-logs",
            "--since",
            "2h",
            "--until",
            "1h",
            "-s",
            "auth",
            "-s",
            "order",
            "--level",
            "warn",
            "--field",
            "event=request.failed",
            "--correlation",
            "corr-1",
            "--json",
        ]);
        assert_eq!(args.services, ["auth", "order"]);
        let filter = args.filter();
        assert_eq!(filter.min_level, Some(Level::Warn));
        assert_eq!(
            filter.fields,
            [("event".to_owned(), "request.failed".to_owned())]
        );
        assert_eq!(filter.correlation.as_deref(), Some("corr-1"));
        assert_eq!(
            args.range(10_000_000),
            Ok((10_000_000 - 7_200_000, Some(10_000_000 - 3_600_000)))
        );
    }

    #[test]
    fn a_bad_level_or_field_is_refused_by_the_parser() {
        assert!(Args::try_parse_from(["starjack-logs", "--level", "loud"]).is_err());
        assert!(Args::try_parse_from(["starjack-logs", "--field", "novalue"]).is_err());
    }
}
