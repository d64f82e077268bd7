//! Test helpers (feature `testing`): DynamoDB tables on the local moto server, created from
//! their definitions in `template.yaml`, and test tokens.

pub mod dynamo;
pub mod events;
pub mod tokens;
