//! The payment function's `App` as deployed, built from the environment and AWS.

use super::Mpay24Client;
use crate::config::PaymentConfig;
use crate::handler::App;
use shared::StartError;
use shared::aws::SdkConfig;
use shared::config::Env;
use shared::queue::Queue;
use shared::table::Table;

/// The payment `App` on its table, Mpay24 and the orders queue.
pub type Deployed = App<Table, Mpay24Client, Queue>;

/// Builds the `App` that `payment-api` runs.
pub fn deployed(env: &Env, aws: &SdkConfig) -> Result<Deployed, StartError> {
    let (config, mpay24) = PaymentConfig::from_env(env)?;
    Ok(App {
        store: Table::from_config(aws, &config.table),
        mpay24: Mpay24Client::new(mpay24)?,
        orders: Queue::new(shared::aws::sqs(aws), &config.orders_queue_url),
        config,
    })
}
