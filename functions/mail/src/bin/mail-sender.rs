//! The `mail-sender` Lambda function, triggered by the `mail` queue with partial batch
//! failures.
// The sending future nests deeply (SDK and HTTP calls inside the per-record loop).
#![recursion_limit = "256"]

use shared::messages::SendMail;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    let (env, aws) = shared::start("mail").await;
    let app = mail::adapters::deployed(&env, &aws)?;
    shared::sqs::run(|message: SendMail, _| app.handle(message)).await
}
