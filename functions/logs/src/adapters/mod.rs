//! The ports on DynamoDB, Slack and CloudWatch Logs.

mod cloudwatch;
mod dynamo;
mod slack;

pub use cloudwatch::CloudWatchSink;
pub use dynamo::DynamoLedger;
pub use slack::SlackClient;
