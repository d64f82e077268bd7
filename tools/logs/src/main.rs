//! `starjack-logs`: see `--help`.

use clap::Parser;
use starjack_logs::args::{Args, Colour};
use starjack_logs::fetch::{self, Follower, Query};
use starjack_logs::output::Printer;
use std::io::{IsTerminal, Write};
use std::time::Duration;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let now_ms = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
    let (start_ms, end_ms) = args.range(now_ms)?;
    let client = aws_sdk_cloudwatchlogs::Client::new(
        &aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await,
    );
    let groups = match args.groups.is_empty() {
        true => fetch::discover(&client, &args.stack, &args.services).await?,
        false => args.groups.clone(),
    };
    if groups.is_empty() {
        return Err(format!("no log groups found for stack {:?}", args.stack).into());
    }
    let colour = match args.color {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let printer = Printer {
        json: args.json,
        colour,
    };
    let query = Query {
        stack: args.stack.clone(),
        groups,
        filter: args.filter(),
        start_ms,
        end_ms,
        limit: args.limit,
    };
    let mut out = std::io::stdout().lock();
    if !args.follow {
        for record in fetch::search(&client, &query).await? {
            writeln!(out, "{}", printer.render(&record))?;
        }
        return Ok(());
    }
    let mut follower = Follower::default();
    loop {
        for record in follower.poll(&client, &query).await? {
            writeln!(out, "{}", printer.render(&record))?;
        }
        out.flush()?;
        tokio::time::sleep(Duration::from_secs(args.interval.max(1))).await;
    }
}
