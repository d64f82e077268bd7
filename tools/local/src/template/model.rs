//! The stack as the local cloud runs it.

use super::throttling::{Throttling, throttle};
use super::{Context, TemplateError};
use serde_json::Value as Json;
use serde_yaml_ng::Value;
use std::collections::BTreeMap;
use std::time::Duration;

/// Everything the template declares that the local cloud creates or runs.
#[derive(Debug, Default)]
pub struct Stack {
    pub tables: Vec<TableSpec>,
    /// The S3 buckets' names.
    pub buckets: Vec<String>,
    pub queues: Vec<QueueSpec>,
    pub log_groups: Vec<LogGroupSpec>,
    pub functions: Vec<FunctionSpec>,
    /// Throttling of the HTTP APIs' routes.
    pub throttling: Throttling,
}

#[derive(Debug, Clone)]
pub struct TableSpec {
    pub name: String,
    /// The resource's `Properties`, as the template gives them.
    pub properties: Value,
}

#[derive(Debug, Clone)]
pub struct QueueSpec {
    pub name: String,
    pub arn: String,
    /// SQS queue attributes: `VisibilityTimeout`, `RedrivePolicy` (JSON), `FifoQueue`, ...
    pub attributes: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct LogGroupSpec {
    pub name: String,
    pub retention_days: Option<i32>,
}

#[derive(Debug, Clone)]
pub struct FunctionSpec {
    pub logical_id: String,
    pub name: String,
    pub binary: String,
    pub timeout: Duration,
    pub memory_mb: u32,
    pub environment: BTreeMap<String, String>,
    pub events: Vec<Event>,
    /// The SQS queue ARN of the asynchronous invocation's failure destination.
    pub on_failure_queue: Option<String>,
    /// `EventInvokeConfig.MaximumRetryAttempts` (Lambda's default: 2).
    pub async_retries: u32,
    /// `EventInvokeConfig.MaximumEventAgeInSeconds` (Lambda's default: 6 hours).
    pub async_max_age: Duration,
    pub log_group: String,
}

/// A trigger of a function.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Http {
        method: String,
        path: String,
    },
    Sqs {
        queue_arn: String,
        batch_size: usize,
        window: Duration,
        report_failures: bool,
        /// `ScalingConfig.MaximumConcurrency`: the most batches in flight at once.
        max_concurrency: Option<usize>,
    },
    Schedule {
        name: String,
        expression: String,
    },
    Logs {
        name: String,
        log_group: String,
        filter_pattern: String,
    },
}

fn invalid(message: impl Into<String>) -> TemplateError {
    TemplateError::Invalid(message.into())
}

fn text(json: &Json) -> Option<String> {
    match json {
        Json::String(text) => Some(text.clone()),
        Json::Number(number) => Some(number.to_string()),
        Json::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// Builds the stack from the template `root`.
pub fn build(root: &Value, context: &Context) -> Result<Stack, TemplateError> {
    let globals = context.resolve(&root["Globals"]["Function"])?;
    let mut stack = Stack::default();
    for (id, resource) in root["Resources"].as_mapping().into_iter().flatten() {
        let id = id.as_str().unwrap_or_default();
        let properties = &resource["Properties"];
        match resource["Type"].as_str().unwrap_or_default() {
            "AWS::DynamoDB::Table" => {
                let name = context.reference(id)?;
                stack.tables.push(TableSpec {
                    name,
                    properties: properties.clone(),
                });
            }
            "AWS::S3::Bucket" => stack.buckets.push(context.reference(id)?),
            "AWS::SQS::Queue" => {
                stack
                    .queues
                    .push(queue(id, &context.resolve(properties)?, context)?)
            }
            "AWS::Logs::LogGroup" => {
                let resolved = context.resolve(properties)?;
                stack.log_groups.push(LogGroupSpec {
                    name: context.reference(id)?,
                    retention_days: resolved["RetentionInDays"].as_i64().map(|d| d as i32),
                });
            }
            "AWS::Serverless::HttpApi" => {
                let resolved = context.resolve(properties)?;
                for (key, settings) in resolved["RouteSettings"].as_object().into_iter().flatten() {
                    if let Some(limits) = throttle(settings) {
                        stack.throttling.routes.insert(key.clone(), limits);
                    }
                }
                if let Some(limits) = throttle(&resolved["DefaultRouteSettings"]) {
                    stack.throttling.default = Some(limits);
                }
            }
            "AWS::Serverless::Function" => stack.functions.push(function(
                id,
                resource,
                &context.resolve(properties)?,
                &globals,
                context,
            )?),
            _ => {}
        }
    }
    Ok(stack)
}

fn queue(id: &str, properties: &Json, context: &Context) -> Result<QueueSpec, TemplateError> {
    let name = context.attribute(id, "QueueName")?;
    let mut attributes = BTreeMap::new();
    for (key, value) in properties.as_object().into_iter().flatten() {
        match key.as_str() {
            "QueueName" | "Tags" => {}
            "RedrivePolicy" | "RedriveAllowPolicy" => {
                attributes.insert(key.clone(), value.to_string());
            }
            _ => {
                if let Some(value) = text(value) {
                    attributes.insert(key.clone(), value);
                }
            }
        }
    }
    let arn = context.attribute(id, "Arn")?;
    Ok(QueueSpec {
        name,
        arn,
        attributes,
    })
}

fn function(
    id: &str,
    resource: &Value,
    properties: &Json,
    globals: &Json,
    context: &Context,
) -> Result<FunctionSpec, TemplateError> {
    let binary = resource["Metadata"]["BuildProperties"]["Binary"]
        .as_str()
        .ok_or_else(|| invalid(format!("{id} has no Metadata.BuildProperties.Binary")))?
        .to_owned();
    let setting = |key: &str| {
        properties
            .get(key)
            .filter(|v| !v.is_null())
            .or_else(|| globals.get(key))
    };
    let mut environment = BTreeMap::new();
    for source in [
        &globals["Environment"]["Variables"],
        &properties["Environment"]["Variables"],
    ] {
        for (key, value) in source.as_object().into_iter().flatten() {
            environment.insert(key.clone(), text(value).unwrap_or_default());
        }
    }
    let name = context.reference(id)?;
    let invoke_config = &properties["EventInvokeConfig"];
    let mut events = Vec::new();
    for (event_id, event) in properties["Events"].as_object().into_iter().flatten() {
        if let Some(event) = trigger(event_id, event)? {
            events.push(event);
        }
    }
    Ok(FunctionSpec {
        logical_id: id.to_owned(),
        log_group: format!("/aws/lambda/{name}"),
        name,
        binary,
        timeout: Duration::from_secs(setting("Timeout").and_then(Json::as_u64).unwrap_or(3)),
        memory_mb: setting("MemorySize").and_then(Json::as_u64).unwrap_or(128) as u32,
        environment,
        events,
        on_failure_queue: invoke_config["DestinationConfig"]["OnFailure"]["Destination"]
            .as_str()
            .map(str::to_owned),
        async_retries: invoke_config["MaximumRetryAttempts"]
            .as_u64()
            .map_or(2, |n| n.min(2) as u32),
        async_max_age: Duration::from_secs(
            invoke_config["MaximumEventAgeInSeconds"]
                .as_u64()
                .unwrap_or(21_600),
        ),
    })
}

fn trigger(id: &str, event: &Json) -> Result<Option<Event>, TemplateError> {
    let properties = &event["Properties"];
    let field = |key: &str| properties[key].as_str().map(str::to_owned);
    let kind = event["Type"].as_str().unwrap_or_default();
    Ok(match kind {
        "HttpApi" => match (field("Method"), field("Path")) {
            (Some(method), Some(path)) => Some(Event::Http {
                method: method.to_uppercase(),
                path,
            }),
            _ => {
                return Err(invalid(format!(
                    "HttpApi event {id} needs Method and Path locally"
                )));
            }
        },
        "SQS" => Some(Event::Sqs {
            queue_arn: field("Queue")
                .ok_or_else(|| invalid(format!("SQS event {id} needs Queue")))?,
            batch_size: properties["BatchSize"].as_u64().unwrap_or(10) as usize,
            window: Duration::from_secs(
                properties["MaximumBatchingWindowInSeconds"]
                    .as_u64()
                    .unwrap_or(0),
            ),
            report_failures: properties["FunctionResponseTypes"]
                .as_array()
                .is_some_and(|types| types.iter().any(|t| t == "ReportBatchItemFailures")),
            max_concurrency: properties["ScalingConfig"]["MaximumConcurrency"]
                .as_u64()
                .map(|n| n as usize),
        }),
        "Schedule" | "ScheduleV2" => Some(Event::Schedule {
            name: id.to_owned(),
            expression: field("Schedule")
                .or_else(|| field("ScheduleExpression"))
                .ok_or_else(|| invalid(format!("Schedule event {id} needs Schedule")))?,
        }),
        "CloudWatchLogs" => Some(Event::Logs {
            name: id.to_owned(),
            log_group: field("LogGroupName")
                .ok_or_else(|| invalid(format!("CloudWatchLogs event {id} needs LogGroupName")))?,
            filter_pattern: field("FilterPattern").unwrap_or_default(),
        }),
        _ => None,
    })
}
