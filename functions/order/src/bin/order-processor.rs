//! The `order-processor` Lambda function on the `orders` queue, with partial batch failures.
// The processing future nests deeply (SDK and HTTP calls inside the per-record loop).
#![recursion_limit = "256"]

use shared::messages::OrdersMessage;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    let (env, aws) = shared::start("order").await;
    let app = order::adapters::processor(&env, &aws)?;
    shared::sqs::run(|message: OrdersMessage, _| app.process(message)).await
}
