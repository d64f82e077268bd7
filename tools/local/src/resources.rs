//! Creates the stack's tables, buckets, queues (with their redrive policies) and log groups in moto,
//! leaving those that exist as they are, so a second start reuses the data.

use crate::template::Stack;
use aws_sdk_sqs::types::QueueAttributeName;
use std::collections::HashMap;

/// The AWS clients of the local cloud, built once.
#[derive(Clone)]
pub struct Clients {
    pub dynamodb: aws_sdk_dynamodb::Client,
    pub sqs: aws_sdk_sqs::Client,
    pub logs: aws_sdk_cloudwatchlogs::Client,
    pub s3: aws_sdk_s3::Client,
}

impl Clients {
    pub fn new(config: &aws_config::SdkConfig) -> Self {
        Self {
            dynamodb: aws_sdk_dynamodb::Client::new(config),
            sqs: aws_sdk_sqs::Client::new(config),
            logs: aws_sdk_cloudwatchlogs::Client::new(config),
            s3: shared::aws::s3(config),
        }
    }
}

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Creates everything and returns the URL of each queue by ARN.
pub async fn create(stack: &Stack, clients: &Clients) -> Result<HashMap<String, String>, Error> {
    let existing = clients
        .dynamodb
        .list_tables()
        .send()
        .await?
        .table_names
        .unwrap_or_default();
    for table in &stack.tables {
        if !existing.contains(&table.name) {
            shared::testing::dynamo::create_table(
                &clients.dynamodb,
                &table.name,
                &table.properties,
            )
            .await
            .map_err(|err| format!("creating table {}: {err}", table.name))?;
            println!("  table  {}", table.name);
        }
    }

    for bucket in &stack.buckets {
        shared::testing::buckets::ensure(&clients.s3, bucket)
            .await
            .map_err(|err| {
                format!(
                    "creating bucket {bucket}: {}",
                    shared::http::cause_chain(&err)
                )
            })?;
    }

    let mut urls = HashMap::new();
    // Dead-letter queues must exist before the queues that redrive to them.
    let mut queues: Vec<_> = stack.queues.iter().collect();
    queues.sort_by_key(|q| q.attributes.contains_key("RedrivePolicy"));
    for queue in queues {
        let attributes: HashMap<QueueAttributeName, String> = queue
            .attributes
            .iter()
            .map(|(name, value)| (QueueAttributeName::from(name.as_str()), value.clone()))
            .collect();
        let output = clients
            .sqs
            .create_queue()
            .queue_name(&queue.name)
            .set_attributes(Some(attributes.clone()))
            .send()
            .await
            .map_err(|err| {
                format!(
                    "creating queue {}: {}",
                    queue.name,
                    shared::http::cause_chain(&err)
                )
            })?;
        let url = output.queue_url.unwrap_or_default();
        clients
            .sqs
            .set_queue_attributes()
            .queue_url(&url)
            .set_attributes(Some(attributes))
            .send()
            .await?;
        println!("  queue  {}", queue.name);
        urls.insert(queue.arn.clone(), url);
    }

    let mut groups: Vec<(String, Option<i32>)> = stack
        .log_groups
        .iter()
        .map(|g| (g.name.clone(), g.retention_days))
        .collect();
    for function in &stack.functions {
        if !groups.iter().any(|(name, _)| *name == function.log_group) {
            groups.push((function.log_group.clone(), None));
        }
    }
    for (name, retention) in groups {
        ensure_log_group(&clients.logs, &name).await?;
        if let Some(days) = retention {
            clients
                .logs
                .put_retention_policy()
                .log_group_name(&name)
                .retention_in_days(days)
                .send()
                .await?;
        }
    }
    Ok(urls)
}

/// Creates the log group unless it exists.
pub async fn ensure_log_group(
    logs: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
) -> Result<(), Error> {
    match logs.create_log_group().log_group_name(name).send().await {
        Ok(_) => Ok(()),
        Err(err)
            if err
                .as_service_error()
                .is_some_and(|e| e.is_resource_already_exists_exception()) =>
        {
            Ok(())
        }
        Err(err) => Err(format!(
            "creating log group {name}: {}",
            shared::http::cause_chain(&err)
        )
        .into()),
    }
}
