//! The cap on alerts from the public front-end log group: their own channel, at most a few
//! messages per window, and everything beyond summed up in one digest message.

use super::batch::Plan;
use super::message::{SlackMessage, escape};
use serde_json::json;
use std::time::Duration;

/// The ledger's name for the front-end cap.
pub const SCOPE: &str = "frontend";

/// How alerts from the front-end log group are capped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontendCap {
    /// The log group the `frontend-logs` function writes browsers' events to.
    pub log_group: String,
    /// Where its alerts and digests go, whatever the policy routes.
    pub channel: String,
    /// Messages per window, at most (the digest not counted).
    pub max_posts: u64,
    pub window: Duration,
}

impl FrontendCap {
    /// Whether a batch from `log_group` falls under the cap.
    pub fn applies_to(&self, log_group: &str) -> bool {
        self.log_group == log_group
    }

    /// Sends every message of `plan` to the front-end channel.
    pub fn take_over(&self, plan: &mut Plan) {
        for alert in &mut plan.alerts {
            alert.channel.clone_from(&self.channel);
        }
        if let Some(overview) = &mut plan.overview {
            overview.channel.clone_from(&self.channel);
        }
    }

    /// The digest's key in the delivery ledger: one per window.
    pub fn digest_key(digest: &Digest) -> String {
        format!("digest#{SCOPE}#{}", digest.window_end_ms)
    }
}

/// What one window counted beyond the cap, to be summed up once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digest {
    /// When the window ended (ms); it names the digest, so it is posted once.
    pub window_end_ms: i64,
    pub alerts: u64,
    pub events: u64,
}

/// The one message for a window's alerts beyond the cap.
pub fn digest_message(digest: &Digest, cap: &FrontendCap) -> SlackMessage {
    let minutes = cap.window.as_secs().div_ceil(60).max(1);
    let text = format!(
        "{} more front-end alerts ({} events) were not posted: at most {} per {minutes} min",
        digest.alerts, digest.events, cap.max_posts
    );
    let until = format!(
        "<!date^{}^{{date_short_pretty}} {{time_secs}}|{}>",
        digest.window_end_ms / 1000,
        digest.window_end_ms
    );
    let blocks = json!([
        {"type": "header", "text": {"type": "plain_text", "text": "Front-end alerts capped", "emoji": true}},
        {"type": "section", "text": {"type": "mrkdwn", "text": format!("*{}* more alerts (*{}* events) from browsers were counted but not posted in the window ending {until}.", digest.alerts, digest.events)}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": format!("At most {} messages per {minutes} min from `{}`; search it for the rest.", cap.max_posts, escape(&cap.log_group))}]},
    ]);
    SlackMessage {
        channel: cap.channel.clone(),
        text,
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_names_what_was_held_back_and_goes_to_the_front_end_channel() {
        let cap = FrontendCap {
            log_group: "/starjack/frontend".into(),
            channel: "#alerts-frontend".into(),
            max_posts: 5,
            window: Duration::from_secs(600),
        };
        let digest = Digest {
            window_end_ms: 1_795_774_542_000,
            alerts: 42,
            events: 97,
        };
        let message = digest_message(&digest, &cap);
        assert_eq!(message.channel, "#alerts-frontend");
        assert_eq!(
            message.text,
            "42 more front-end alerts (97 events) were not posted: at most 5 per 10 min"
        );
        let blocks = message.blocks.to_string();
        assert!(blocks.contains("<!date^1795774542^"), "{blocks}");
        assert!(blocks.contains("`/starjack/frontend`"), "{blocks}");
        assert_eq!(
            FrontendCap::digest_key(&digest),
            "digest#frontend#1795774542000"
        );
    }
}
