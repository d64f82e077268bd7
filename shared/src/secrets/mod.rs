//! A function's secrets from Secrets Manager: JSON objects of variable names to values, read in
//! one `BatchGetSecretValue` call at start-up and kept for the life of the container.

use crate::config::ConfigError;
use std::collections::HashMap;

/// The most secrets one `BatchGetSecretValue` call returns by id.
const MOST_PER_CALL: usize = 20;

/// The names (or ARNs) of a function's secrets, as [`crate::config::SECRET_IDS`] lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secrets(Vec<String>);

impl Secrets {
    /// The ids of a comma-separated list; `None` when it names none.
    pub fn parse(list: &str) -> Option<Self> {
        let ids: Vec<String> = list
            .split(',')
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect();
        (!ids.is_empty()).then_some(Self(ids))
    }

    /// Every secret's variables, merged (a later secret's value wins), in one call.
    ///
    /// Blocking: configuration is read synchronously at start-up, inside the function's
    /// single-threaded runtime, so the call runs on a thread of its own with its own runtime.
    pub fn fetch(&self) -> Result<HashMap<String, String>, ConfigError> {
        let fetched = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .map_err(|err| self.error(err))?;
                    runtime.block_on(self.fetch_async())
                })
                .join()
        });
        fetched.unwrap_or_else(|_| Err(self.error("the reading thread panicked")))
    }

    async fn fetch_async(&self) -> Result<HashMap<String, String>, ConfigError> {
        if self.0.len() > MOST_PER_CALL {
            return Err(self.error(format!("at most {MOST_PER_CALL} secrets per function")));
        }
        let client = aws_sdk_secretsmanager::Client::new(&crate::aws::load().await);
        let answer = client
            .batch_get_secret_value()
            .set_secret_id_list(Some(self.0.clone()))
            .send()
            .await
            .map_err(|err| self.error(aws_sdk_secretsmanager::error::DisplayErrorContext(err)))?;
        if let Some(failed) = answer.errors().first() {
            let id = failed.secret_id().unwrap_or("?");
            let code = failed.error_code().unwrap_or("an error");
            return Err(self.error(format!("{id}: {code}")));
        }
        let mut texts: HashMap<&str, &str> = HashMap::new();
        for entry in answer.secret_values() {
            if let (Some(name), Some(arn), Some(text)) =
                (entry.name(), entry.arn(), entry.secret_string())
            {
                texts.insert(name, text);
                texts.insert(arn, text);
            }
        }
        let mut values = HashMap::new();
        for id in &self.0 {
            let text = texts
                .get(id.as_str())
                .ok_or_else(|| self.error(format!("{id} has no text value")))?;
            let variables: HashMap<String, String> = serde_json::from_str(text).map_err(|err| {
                // Line and column only: serde's message may quote a value.
                let at = format!("line {} column {}", err.line(), err.column());
                self.error(format!("{id} is no JSON object of strings ({at})"))
            })?;
            values.extend(variables);
        }
        Ok(values)
    }

    fn error(&self, reason: impl std::fmt::Display) -> ConfigError {
        ConfigError::Secrets {
            ids: self.0.join(","),
            reason: reason.to_string(),
        }
    }
}

#[cfg(test)]
mod tests;
