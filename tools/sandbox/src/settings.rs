//! The sandbox's settings: the credentials each party accepts and where it calls us back.

use std::time::Duration;

/// What the parties accept and whom they call; read once from the environment in `main`,
/// built directly in tests.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Base of the links the sandbox hands out (the Mpay24 payment page), without a trailing `/`.
    pub public_url: String,
    pub mpay24_merchant_id: String,
    pub mpay24_password: String,
    pub mailgun_key: String,
    pub openweathermap_key: String,
    pub google_key: String,
    pub slack_token: String,
    pub keycard_key: String,
    /// Time between automatic keycard production steps; `None` advances only on demand.
    pub keycard_step: Option<Duration>,
    /// Where keycard status events are posted; none are sent if absent.
    pub keycard_webhook_url: Option<String>,
    pub keycard_webhook_secret: String,
    /// Connect timeout of the sandbox's own calls (Mpay24 confirmations, keycard webhooks).
    pub connect_timeout: Duration,
    /// Total timeout of those calls.
    pub timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:3100".into(),
            mpay24_merchant_id: "99999".into(),
            mpay24_password: "sandbox-mpay24-password".into(),
            mailgun_key: "sandbox-mailgun-key".into(),
            openweathermap_key: "sandbox-openweathermap-key".into(),
            google_key: "sandbox-google-key".into(),
            slack_token: "xoxb-sandbox".into(),
            keycard_key: "sandbox-keycard-key".into(),
            keycard_step: Some(Duration::from_secs(5)),
            keycard_webhook_url: None,
            keycard_webhook_secret: "sandbox-webhook-secret".into(),
            connect_timeout: Duration::from_secs(2),
            timeout: Duration::from_secs(10),
        }
    }
}

impl Settings {
    /// The defaults, overridden by every `STARJACK_SANDBOX_*` variable that is set; `port` is
    /// the one the sandbox listens on (the default public URL points there).
    pub fn from_env(port: u16) -> Result<Self, String> {
        let defaults = Self::default();
        let text = |name: &str, default: String| std::env::var(name).unwrap_or(default);
        let step = match std::env::var("STARJACK_SANDBOX_KEYCARD_STEP_SECONDS") {
            Ok(raw) => raw
                .trim()
                .parse::<u64>()
                .map_err(|err| format!("STARJACK_SANDBOX_KEYCARD_STEP_SECONDS={raw:?}: {err}"))?,
            Err(_) => 5,
        };
        Ok(Self {
            public_url: text(
                "STARJACK_SANDBOX_PUBLIC_URL",
                format!("http://127.0.0.1:{port}"),
            )
            .trim_end_matches('/')
            .to_owned(),
            mpay24_merchant_id: text(
                "STARJACK_SANDBOX_MPAY24_MERCHANT_ID",
                defaults.mpay24_merchant_id,
            ),
            mpay24_password: text("STARJACK_SANDBOX_MPAY24_PASSWORD", defaults.mpay24_password),
            mailgun_key: text("STARJACK_SANDBOX_MAILGUN_KEY", defaults.mailgun_key),
            openweathermap_key: text(
                "STARJACK_SANDBOX_OPENWEATHERMAP_KEY",
                defaults.openweathermap_key,
            ),
            google_key: text("STARJACK_SANDBOX_GOOGLE_KEY", defaults.google_key),
            slack_token: text("STARJACK_SANDBOX_SLACK_TOKEN", defaults.slack_token),
            keycard_key: text("STARJACK_SANDBOX_KEYCARD_KEY", defaults.keycard_key),
            keycard_step: (step > 0).then(|| Duration::from_secs(step)),
            keycard_webhook_url: std::env::var("STARJACK_SANDBOX_KEYCARD_WEBHOOK_URL")
                .ok()
                .filter(|url| !url.trim().is_empty()),
            keycard_webhook_secret: text(
                "STARJACK_SANDBOX_KEYCARD_WEBHOOK_SECRET",
                defaults.keycard_webhook_secret,
            ),
            ..defaults
        })
    }
}
