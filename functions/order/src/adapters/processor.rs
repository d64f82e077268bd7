//! The order processor's `App`: the API's, with the mail queue for the confirmations.

use super::{Deployed, deployed};
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::mail::Mailer;
use shared::outbound::{Outbound, OutboundConfig};
use shared::queue::Queue;
use shared::service_token::ServiceTokens;

/// Builds the `App` that `order-processor` runs: the API's, and the mail queue
/// (`MAIL_QUEUE_URL`) for the confirmations.
pub fn processor(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let mut app = deployed(env, aws)?;
    let outbound = Outbound::new(OutboundConfig::default())?;
    let tokens = ServiceTokens::from_env(env, outbound.clone())?;
    let queue = Queue::new(shared::aws::sqs(aws), env.required("MAIL_QUEUE_URL")?);
    let mailer = Mailer::new(tokens, outbound, queue, &env.required("API_BASE_URL")?);
    app.services = app.services.with_mailer(mailer);
    Ok(app)
}
