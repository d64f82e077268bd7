//! Reads `template.yaml` into the stack the local cloud runs: tables, queues, log groups and
//! functions with their environment and events, with `Ref`, `GetAtt`, `Sub` and `Join`
//! resolved and `Globals` applied.

mod conditions;
mod intrinsics;
mod model;
mod resolve;
mod throttling;

pub use intrinsics::ACCOUNT;
pub use intrinsics::Context;
pub use model::{Event, FunctionSpec, LogGroupSpec, QueueSpec, Stack, TableSpec};
pub use throttling::{Throttle, Throttling};

use serde_yaml_ng::Value;
use std::collections::HashMap;

/// A template that cannot be run.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("cannot read the template: {0}")]
    Read(#[from] std::io::Error),
    #[error("the template is not valid YAML: {0}")]
    Yaml(#[from] serde_yaml_ng::Error),
    #[error("{0}")]
    Invalid(String),
}

/// Loads the template at `path` and resolves it for `stack_name` with `parameters`.
pub fn load(
    path: &std::path::Path,
    stack_name: &str,
    region: &str,
    endpoint: &str,
    parameters: &HashMap<String, String>,
) -> Result<Stack, TemplateError> {
    let root: Value = serde_yaml_ng::from_str(&std::fs::read_to_string(path)?)?;
    let context = Context::new(&root, stack_name, region, endpoint, parameters)?;
    model::build(&root, &context)
}

#[cfg(test)]
mod tests;
