//! What log alerting needs from storage, Slack and CloudWatch Logs, in domain terms.

pub use crate::domain::cap::Digest;
use crate::domain::frontend::FrontendEvent;
use crate::domain::message::SlackMessage;
use std::time::{Duration, Instant};

pub use shared::table::StoreError;

/// What an earlier delivery of the same alert left behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Begin {
    /// Nobody handled it yet, or an earlier attempt failed: it is ours now.
    Fresh,
    /// It was posted or counted before; nothing to do.
    Done,
    /// Another invocation holds it right now; try again later.
    Busy,
}

/// Whether an alert opens a new burst window (and is posted) or falls into an open one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Post it, reporting `carried` occurrences counted during the previous window.
    Post { carried: u64 },
    /// Counted into the open window and settled; not posted.
    Suppressed,
}

/// Posted-once bookkeeping per alert, and burst windows per failure.
#[trait_variant::make(Send)]
pub trait AlertLedger {
    /// Claims the delivery `key` for this invocation.
    async fn begin(&self, key: &str, now_ms: i64) -> Result<Begin, StoreError>;

    /// Counts `count` occurrences of `burst_key` for the claimed delivery `key`: opens a window
    /// (or finds the one this delivery opened before), or adds them to another delivery's open
    /// window and settles `key` in the same write.
    async fn burst(
        &self,
        burst_key: &str,
        key: &str,
        count: u64,
        now_ms: i64,
        window: Duration,
    ) -> Result<Decision, StoreError>;

    /// Marks `key` done after its message was posted.
    async fn finish(&self, key: &str, now_ms: i64) -> Result<(), StoreError>;

    /// Marks `key` failed, so that a retried invocation takes it up again.
    async fn fail(&self, key: &str) -> Result<(), StoreError>;
}

/// Why a message did not reach Slack.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("Slack asked to wait {0:?}, beyond the time this invocation has left")]
    RateLimited(Duration),
    #[error("Slack refused the message: {0}")]
    Rejected(String),
    #[error("Slack could not be reached: {0}")]
    Unavailable(String),
    #[error("the invocation's deadline came before Slack answered")]
    OutOfTime,
}

/// Posts messages to Slack.
#[trait_variant::make(Send)]
pub trait Notifier {
    /// Posts `message`, waiting out rate limits only until `deadline`; returns the message ts.
    async fn post(&self, message: &SlackMessage, deadline: Instant) -> Result<String, SendError>;
}

/// Writing front-end events to their log group failed.
#[derive(Debug, thiserror::Error)]
#[error("writing front-end logs failed: {0}")]
pub struct SinkError(pub String);

/// The front-end log group.
#[trait_variant::make(Send)]
pub trait LogSink {
    /// Appends `events`, oldest first, as JSON lines.
    async fn put(&self, events: &[FrontendEvent]) -> Result<(), SinkError>;

    /// A cheap check that the log group exists, for `GET /logs/status`.
    async fn check(&self) -> Result<(), String>;
}

/// The open window of a cap as an invocation found (or opened) it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapWindow {
    pub end_ms: i64,
    /// The previous window's overflow, while its digest may still be unposted.
    pub carried: Option<Digest>,
}

/// Whether an alert fits into its cap's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// One of the window's posts: post it.
    Post,
    /// Beyond the cap: counted for the digest, and its delivery settled in the same write.
    Capped,
}

/// Per-window caps on the messages of one source (`scope`), with the overflow counted.
#[trait_variant::make(Send)]
pub trait CapLedger {
    /// The open window of `scope`; once the last one has ended, a new one of length `window`
    /// carrying the last one's overflow.
    async fn window(
        &self,
        scope: &str,
        now_ms: i64,
        window: Duration,
    ) -> Result<CapWindow, StoreError>;

    /// Takes one of at most `max_posts` posts of the window ending at `end_ms` for the claimed
    /// delivery `key`, or counts its `events` into the overflow and settles `key`.
    async fn admit(
        &self,
        scope: &str,
        key: &str,
        end_ms: i64,
        events: u64,
        max_posts: u64,
        now_ms: i64,
    ) -> Result<Admission, StoreError>;
}
