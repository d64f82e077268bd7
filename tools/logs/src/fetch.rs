//! CloudWatch Logs: finding every service's log group, and `FilterLogEvents` over all of them
//! at once, page by page, merged into time order.

use crate::filter::Filter;
use crate::record::{Record, merge};
use aws_sdk_cloudwatchlogs::Client;
use aws_sdk_cloudwatchlogs::error::DisplayErrorContext;
use futures_util::future::try_join_all;
use logs::domain::source::service_of_group;
use std::collections::HashMap;

/// CloudWatch Logs failed.
#[derive(Debug, thiserror::Error)]
#[error("CloudWatch Logs: {0}")]
pub struct FetchError(String);

fn failed(err: impl std::error::Error) -> FetchError {
    FetchError(DisplayErrorContext(err).to_string())
}

/// Where to search and what to show.
#[derive(Debug, Clone)]
pub struct Query {
    pub stack: String,
    pub groups: Vec<String>,
    pub filter: Filter,
    pub start_ms: i64,
    pub end_ms: Option<i64>,
    /// Events read per group at most.
    pub limit: usize,
}

/// The log groups of `stack`'s functions (`/aws/lambda/<stack>-…`) and its own groups
/// (`/<stack>/…`, such as the front end's), of `services` only when given.
pub async fn discover(
    client: &Client,
    stack: &str,
    services: &[String],
) -> Result<Vec<String>, FetchError> {
    let mut groups = Vec::new();
    for prefix in [format!("/aws/lambda/{stack}-"), format!("/{stack}/")] {
        let mut pages = client
            .describe_log_groups()
            .log_group_name_prefix(prefix)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            for group in page.map_err(failed)?.log_groups() {
                if let Some(name) = group.log_group_name() {
                    groups.push(name.to_owned());
                }
            }
        }
    }
    groups
        .retain(|group| services.is_empty() || services.contains(&service_of_group(group, stack)));
    groups.sort();
    groups.dedup();
    Ok(groups)
}

/// The events of `group` in the query's time range that pass its filter.
async fn fetch_group(
    client: &Client,
    group: &str,
    query: &Query,
    start_ms: i64,
) -> Result<Vec<Record>, FetchError> {
    let service = service_of_group(group, &query.stack);
    let mut records = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = client
            .filter_log_events()
            .log_group_name(group)
            .start_time(start_ms)
            .set_end_time(query.end_ms)
            .set_filter_pattern(query.filter.server_pattern())
            .set_next_token(token.take())
            .send()
            .await
            .map_err(failed)?;
        for event in page.events() {
            let record = Record::new(
                event.timestamp().unwrap_or_default(),
                group,
                event.log_stream_name().unwrap_or_default(),
                event.event_id().unwrap_or_default(),
                &service,
                event.message().unwrap_or_default(),
            );
            if query.filter.matches(&record) {
                records.push(record);
            }
        }
        token = page.next_token().map(str::to_owned);
        if token.is_none() || records.len() >= query.limit {
            break;
        }
    }
    records.truncate(query.limit);
    Ok(records)
}

/// Every group searched at once, the results merged into time order.
pub async fn search(client: &Client, query: &Query) -> Result<Vec<Record>, FetchError> {
    let per_group = try_join_all(
        query
            .groups
            .iter()
            .map(|group| fetch_group(client, group, query, query.start_ms)),
    )
    .await?;
    Ok(merge(per_group))
}

/// How far back each poll looks again, for events that arrive late.
const LOOKBACK_MS: i64 = 10_000;

/// Follows the groups: each poll returns the events not shown before, in time order.
#[derive(Debug, Default)]
pub struct Follower {
    /// Per group: the newest timestamp seen, and the ids seen since `newest - LOOKBACK_MS`.
    seen: HashMap<String, (i64, HashMap<String, i64>)>,
}

impl Follower {
    pub async fn poll(
        &mut self,
        client: &Client,
        query: &Query,
    ) -> Result<Vec<Record>, FetchError> {
        let starts: Vec<i64> = query
            .groups
            .iter()
            .map(|group| {
                self.seen
                    .get(group)
                    .map_or(query.start_ms, |(newest, _)| newest - LOOKBACK_MS)
                    .max(query.start_ms)
            })
            .collect();
        let per_group = try_join_all(
            query
                .groups
                .iter()
                .zip(&starts)
                .map(|(group, start)| fetch_group(client, group, query, *start)),
        )
        .await?;
        let fresh = per_group
            .into_iter()
            .zip(&query.groups)
            .map(|(records, group)| {
                let (newest, ids) = self.seen.entry(group.clone()).or_default();
                let fresh: Vec<Record> = records
                    .into_iter()
                    .filter(|r| ids.insert(r.event_id.clone(), r.timestamp_ms).is_none())
                    .collect();
                *newest = fresh.iter().map(|r| r.timestamp_ms).fold(*newest, i64::max);
                let horizon = *newest - LOOKBACK_MS;
                ids.retain(|_, at| *at >= horizon);
                fresh
            })
            .collect();
        Ok(merge(fresh))
    }
}
