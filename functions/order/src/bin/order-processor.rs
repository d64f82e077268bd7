//! The `order-processor` Lambda function on the `orders` queue, with partial batch failures.
// The processing future nests deeply (SDK and HTTP calls inside the per-record loop).
#![recursion_limit = "256"]

use shared::mail::Mailer;
use shared::messages::OrdersMessage;
use shared::outbound::{Outbound, OutboundConfig};
use shared::queue::Queue;
use shared::service_token::ServiceTokens;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    let (env, aws) = shared::start("order").await;
    let mut app = order::adapters::deployed(&env, &aws)?;
    let outbound = Outbound::new(OutboundConfig::default())?;
    let tokens = ServiceTokens::from_env(&env, outbound.clone())?;
    let queue = Queue::new(shared::aws::sqs(&aws), env.required("MAIL_QUEUE_URL")?);
    let mailer = Mailer::new(tokens, outbound, queue, &env.required("API_BASE_URL")?);
    app.services = app.services.with_mailer(mailer);
    shared::sqs::run(|message: OrdersMessage, _| app.process(message)).await
}
