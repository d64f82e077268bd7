//! The `weather-api` Lambda function behind the HTTP API.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("weather").await;
    let app = weather::adapters::deployed(&env, &aws)?;
    shared::http::run(|request| app.handle(request)).await
}
