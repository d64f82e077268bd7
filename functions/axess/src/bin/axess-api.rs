//! The `axess-api` Lambda function behind the HTTP API.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("axess").await;
    let app = axess::adapters::deployed(&env, &aws)?;
    shared::http::run(|request| app.handle(request)).await
}
