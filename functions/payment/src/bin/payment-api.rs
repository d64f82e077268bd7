//! The `payment-api` Lambda function behind the HTTP API.

use payment::adapters::Mpay24Client;
use payment::config::PaymentConfig;
use payment::handler::App;
use shared::queue::Queue;
use shared::table::Table;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("payment").await;
    let (config, mpay24) = PaymentConfig::from_env(&env)?;
    let table = Table::from_config(&aws, &config.table);
    let orders = Queue::new(shared::aws::sqs(&aws), &config.orders_queue_url);
    let app = App {
        store: table,
        mpay24: Mpay24Client::new(mpay24)?,
        orders,
        config,
    };
    shared::http::run(|request| app.handle(request)).await
}
