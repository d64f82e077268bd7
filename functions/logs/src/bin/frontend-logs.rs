//! The `frontend-logs` Lambda function behind the HTTP API.

use logs::adapters::CloudWatchSink;
use logs::config::FrontendConfig;
use logs::handler::alerts::system_clock;
use logs::handler::frontend::Frontend;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("logs").await;
    let config = FrontendConfig::from_env(&env)?;
    let frontend = Frontend {
        sink: CloudWatchSink::new(aws_sdk_cloudwatchlogs::Client::new(&aws), config.log_group),
        clock: system_clock(),
    };
    shared::http::run(|request| frontend.handle(request)).await
}
