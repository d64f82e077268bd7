//! The `auth-api` Lambda function behind the HTTP API.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    let (env, aws) = shared::start("auth").await;
    let app = auth::adapters::deployed(&env, &aws)?;
    shared::http::run(|request| app.handle(request)).await
}
