//! Physical names of resources, pseudo parameters and parameters: what intrinsic functions
//! resolve to (`resolve.rs`).

use super::TemplateError;
use serde_yaml_ng::Value;
use std::collections::HashMap;

pub const ACCOUNT: &str = "123456789012";

/// What `Ref` and `GetAtt` of a resource give.
#[derive(Debug, Clone, Default)]
struct Physical {
    reference: String,
    attributes: HashMap<String, String>,
}

/// Parameters, pseudo parameters and resource names: everything intrinsics resolve to.
pub struct Context {
    parameters: HashMap<String, String>,
    resources: HashMap<String, Physical>,
    /// The template's `Conditions`, for `!If` (`conditions.rs`).
    pub(super) conditions: serde_yaml_ng::Mapping,
}

pub(super) fn invalid(message: impl Into<String>) -> TemplateError {
    TemplateError::Invalid(message.into())
}

fn resource_type(resource: &Value) -> &str {
    resource["Type"].as_str().unwrap_or_default()
}

impl Context {
    pub fn new(
        root: &Value,
        stack: &str,
        region: &str,
        endpoint: &str,
        overrides: &HashMap<String, String>,
    ) -> Result<Self, TemplateError> {
        let mut parameters = HashMap::from([
            ("AWS::StackName".to_owned(), stack.to_owned()),
            ("AWS::Region".to_owned(), region.to_owned()),
            ("AWS::AccountId".to_owned(), ACCOUNT.to_owned()),
            ("AWS::Partition".to_owned(), "aws".to_owned()),
            ("AWS::URLSuffix".to_owned(), "amazonaws.com".to_owned()),
        ]);
        for (name, spec) in root["Parameters"].as_mapping().into_iter().flatten() {
            let name = name.as_str().unwrap_or_default().to_owned();
            let value = match (overrides.get(&name), &spec["Default"]) {
                (Some(value), _) => value.clone(),
                (None, Value::String(default)) => default.clone(),
                (None, Value::Number(default)) => default.to_string(),
                (None, _) => {
                    return Err(invalid(format!(
                        "parameter {name} has no value: give it in the parameters file"
                    )));
                }
            };
            parameters.insert(name, value);
        }
        let mut context = Self {
            parameters,
            resources: HashMap::new(),
            conditions: root["Conditions"].as_mapping().cloned().unwrap_or_default(),
        };
        let resources = root["Resources"].as_mapping().cloned().unwrap_or_default();
        // Functions, tables and queues first: log groups and others may name them.
        for pass in 0..2 {
            for (id, resource) in &resources {
                let id = id.as_str().unwrap_or_default();
                let kind = resource_type(resource);
                let first = matches!(
                    kind,
                    "AWS::Serverless::Function" | "AWS::DynamoDB::Table" | "AWS::SQS::Queue"
                );
                if first == (pass == 0) {
                    let physical = context.physical(
                        id,
                        kind,
                        &resource["Properties"],
                        stack,
                        region,
                        endpoint,
                    )?;
                    context.resources.insert(id.to_owned(), physical);
                }
            }
        }
        Ok(context)
    }

    fn physical(
        &self,
        id: &str,
        kind: &str,
        properties: &Value,
        stack: &str,
        region: &str,
        endpoint: &str,
    ) -> Result<Physical, TemplateError> {
        let named = |key: &str| -> Result<Option<String>, TemplateError> {
            match &properties[key] {
                Value::Null => Ok(None),
                value => Ok(Some(self.string(value)?)),
            }
        };
        let arn =
            |service: &str, rest: String| format!("arn:aws:{service}:{region}:{ACCOUNT}:{rest}");
        let mut physical = Physical::default();
        match kind {
            "AWS::DynamoDB::Table" => {
                let name = named("TableName")?.unwrap_or_else(|| format!("{stack}-{id}"));
                physical
                    .attributes
                    .insert("Arn".into(), arn("dynamodb", format!("table/{name}")));
                physical.reference = name;
            }
            "AWS::S3::Bucket" => {
                let default = format!("{stack}-{id}").to_lowercase();
                let name = named("BucketName")?.unwrap_or(default);
                physical
                    .attributes
                    .insert("Arn".into(), format!("arn:aws:s3:::{name}"));
                physical.reference = name;
            }
            "AWS::SQS::Queue" => {
                let fifo = properties["FifoQueue"].as_bool().unwrap_or(false);
                let default = format!("{stack}-{id}{}", if fifo { ".fifo" } else { "" });
                let name = named("QueueName")?.unwrap_or(default);
                physical
                    .attributes
                    .insert("Arn".into(), arn("sqs", name.clone()));
                physical.attributes.insert("QueueName".into(), name.clone());
                physical
                    .attributes
                    .insert("QueueUrl".into(), format!("{endpoint}/{ACCOUNT}/{name}"));
                physical.reference = format!("{endpoint}/{ACCOUNT}/{name}");
            }
            "AWS::Serverless::Function" => {
                let name = named("FunctionName")?.unwrap_or_else(|| format!("{stack}-{id}"));
                physical
                    .attributes
                    .insert("Arn".into(), arn("lambda", format!("function:{name}")));
                physical.reference = name;
            }
            "AWS::Logs::LogGroup" => {
                let name = named("LogGroupName")?.unwrap_or_else(|| format!("{stack}-{id}"));
                physical
                    .attributes
                    .insert("Arn".into(), arn("logs", format!("log-group:{name}:*")));
                physical.reference = name;
            }
            "AWS::Serverless::HttpApi" => {
                physical.reference = "local".into();
                physical
                    .attributes
                    .insert("ApiEndpoint".into(), "http://127.0.0.1".into());
            }
            _ => physical.reference = id.to_owned(),
        }
        Ok(physical)
    }

    /// What `Ref name` gives: a parameter's value or a resource's physical name.
    pub fn reference(&self, name: &str) -> Result<String, TemplateError> {
        self.parameters
            .get(name)
            .cloned()
            .or_else(|| self.resources.get(name).map(|r| r.reference.clone()))
            .ok_or_else(|| invalid(format!("Ref to unknown name {name}")))
    }

    /// What `GetAtt resource.attribute` gives.
    pub fn attribute(&self, resource: &str, attribute: &str) -> Result<String, TemplateError> {
        self.resources
            .get(resource)
            .and_then(|r| r.attributes.get(attribute))
            .cloned()
            .ok_or_else(|| {
                invalid(format!(
                    "GetAtt {resource}.{attribute} is not known to the local cloud"
                ))
            })
    }
}
