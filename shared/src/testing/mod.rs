//! Test helpers (feature `testing`): DynamoDB tables on the local moto server, created from
//! their definitions in `template.yaml`, SQS queues, secrets, sample events, test tokens, stubs
//! of our API, and a function under test called as API Gateway calls it.

pub mod buckets;
pub mod dynamo;
pub mod events;
pub mod function;
pub mod queue;
pub mod secrets;
pub mod stubs;
pub mod tokens;
