//! The `log-alerts` Lambda function, subscribed to the services' log groups.
#![recursion_limit = "256"]

use lambda_runtime::{LambdaEvent, service_fn};
use logs::adapters::{DynamoLedger, SlackClient};
use logs::config::AlertsConfig;
use logs::handler::alerts::{Alerts, system_clock};
use logs::payload::Envelope;
use shared::outbound::Outbound;
use shared::table::Table;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tracing::Instrument;

/// Time kept back from the invocation's deadline for settling the ledger.
const SAFETY_MARGIN: Duration = Duration::from_secs(2);

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    let (env, aws) = shared::start("logs").await;
    let config = AlertsConfig::from_env(&env)?;
    let slack = SlackClient::new(
        Outbound::new(config.slack)?,
        &config.slack_base_url,
        config.slack_token,
    );
    let alerts = Alerts {
        ledger: DynamoLedger::new(Table::from_config(&aws, config.table)),
        notifier: slack,
        policy: config.policy,
        console: config.console,
        stack: config.stack,
        max_decompressed: config.max_decompressed,
        own_log_group: config.own_log_group,
        frontend: config.frontend,
        clock: system_clock(),
    };
    let alerts = &alerts;
    lambda_runtime::run(service_fn(|event: LambdaEvent<Envelope>| async move {
        let span = tracing::info_span!("invocation", request_id = %event.context.request_id);
        let deadline = instant_of(event.context.deadline)
            .checked_sub(SAFETY_MARGIN)
            .unwrap_or_else(Instant::now);
        alerts
            .handle(&event.payload, deadline)
            .instrument(span)
            .await
            .map(|_| ())
            .map_err(lambda_runtime::Error::from)
    }))
    .await
}

/// The `Instant` of a deadline given in milliseconds since the epoch.
fn instant_of(deadline_ms: u64) -> Instant {
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    Instant::now() + Duration::from_millis(deadline_ms.saturating_sub(now_ms))
}
