//! Adapters behind the ports: the entries in DynamoDB.

mod dynamo;
