//! The log-alerts work on the largest payload (events/logs/batch-5000.json): decode, read and
//! filter every event, group, redact and format the Slack messages, with a sender stub that
//! only serialises them; beside it, the baseline of the same run: decoding the payload alone
//! (base64, bounded gunzip, JSON). Measure in release: `cargo bench -p logs --bench alerts`.

use criterion::{Criterion, criterion_group, criterion_main};
use logs::domain::batch::{self, Entry, Origin};
use logs::domain::links::Console;
use logs::domain::message::{alert_message, overview_message};
use logs::domain::policy::Policy;
use logs::payload::{DEFAULT_MAX_DECOMPRESSED, Envelope};
use std::hint::black_box;

fn payload() -> Envelope {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../events/logs/batch-5000.json"
    );
    let text = std::fs::read_to_string(path).expect("events/logs/batch-5000.json");
    serde_json::from_str(&text).expect("a subscription event")
}

/// What the handler does for one payload, with Slack replaced by serialising each message.
fn process(envelope: &Envelope, policy: &Policy, console: &Console) -> usize {
    let data = envelope
        .decode(DEFAULT_MAX_DECOMPRESSED)
        .expect("the payload decodes");
    let origin = Origin {
        log_group: data.log_group.clone(),
        log_stream: data.log_stream.clone(),
    };
    let entries = data.log_events.iter().map(|e| Entry {
        id: &e.id,
        timestamp_ms: e.timestamp,
        message: &e.message,
    });
    let plan = batch::plan(policy, "starjack", origin, entries);
    let mut sent = 0;
    for alert in &plan.alerts {
        sent += serde_json::to_vec(&alert_message(alert, &plan.origin, 0, console))
            .map_or(0, |b| b.len());
    }
    if let Some(overview) = &plan.overview {
        sent += serde_json::to_vec(&overview_message(overview, &plan.origin, console))
            .map_or(0, |b| b.len());
    }
    sent
}

fn bench(c: &mut Criterion) {
    let envelope = payload();
    let policy = Policy::built_in().expect("policy");
    let console = Console::new(
        "eu-central-1",
        vec!["/aws/lambda/starjack-order-processor".into()],
    );
    c.bench_function("baseline: decode the 5,000-event payload", |b| {
        b.iter(|| {
            black_box(&envelope)
                .decode(DEFAULT_MAX_DECOMPRESSED)
                .map(|d| d.log_events.len())
        })
    });
    c.bench_function("log-alerts 5,000-event payload", |b| {
        b.iter(|| process(black_box(&envelope), &policy, &console))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
