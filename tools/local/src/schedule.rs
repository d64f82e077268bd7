//! Schedule events: `rate(...)` expressions fire on their own; every schedule can also be fired
//! on demand through `POST /_local/schedules/{function}`.

use crate::lambda::{Function, InvokeError};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

/// The interval of a `rate(N unit)` expression; `None` for `cron(...)` and anything else.
pub fn rate(expression: &str) -> Option<Duration> {
    let inner = expression.trim().strip_prefix("rate(")?.strip_suffix(')')?;
    let (count, unit) = inner.trim().split_once(' ')?;
    let count: u64 = count.parse().ok()?;
    let seconds = match unit.trim() {
        "minute" | "minutes" => 60,
        "hour" | "hours" => 3600,
        "day" | "days" => 86_400,
        _ => return None,
    };
    Some(Duration::from_secs(count * seconds))
}

/// The EventBridge scheduled event a function receives.
pub fn event(rule: &str, region: &str) -> Value {
    json!({
        "version": "0", "id": uuid::Uuid::new_v4().to_string(), "detail-type": "Scheduled Event",
        "source": "aws.events", "account": crate::template::ACCOUNT,
        "time": time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
        "region": region, "resources": [format!("arn:aws:events:{region}:{}:rule/{rule}", crate::template::ACCOUNT)],
        "detail": {},
    })
}

/// Fires `function` for `rule` now.
pub async fn fire(function: &Function, rule: &str, region: &str) -> Result<Value, InvokeError> {
    function.invoke(&event(rule, region)).await
}

/// Fires `function` every `interval` until the process ends.
pub async fn run(function: Arc<Function>, rule: String, region: String, interval: Duration) {
    loop {
        tokio::time::sleep(interval).await;
        if let Err(err) = fire(&function, &rule, &region).await {
            eprintln!("local: schedule {rule} of {}: {err}", function.spec.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_expressions_become_intervals_and_cron_is_left_to_manual_firing() {
        assert_eq!(rate("rate(5 minutes)"), Some(Duration::from_secs(300)));
        assert_eq!(rate("rate(1 hour)"), Some(Duration::from_secs(3600)));
        assert_eq!(rate("cron(0 12 * * ? *)"), None);
    }
}
