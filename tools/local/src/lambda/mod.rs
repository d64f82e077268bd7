//! Functions as processes behind the Lambda Runtime API: each instance is the function's binary
//! with its own Runtime API endpoint; a function keeps warm instances and starts another when
//! invocations overlap, up to a limit.

mod instance;
mod runtime_api;

use crate::logs::Sink;
use crate::template::FunctionSpec;
use instance::Instance;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, Notify};

/// Why an invocation produced no result.
#[derive(Debug, thiserror::Error)]
pub enum InvokeError {
    #[error("function error: {0}")]
    Function(String),
    #[error("task timed out after {0:.2} seconds")]
    Timeout(f64),
    #[error("runtime exited: {0}")]
    Crashed(String),
    #[error("could not start the function: {0}")]
    Start(String),
}

/// The environment a function's process gets: the runner's base, the template's variables, and
/// the variables Lambda itself sets.
pub fn environment(
    spec: &FunctionSpec,
    base_env: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut environment = base_env.clone();
    environment.extend(spec.environment.clone());
    environment.insert("AWS_LAMBDA_FUNCTION_NAME".into(), spec.name.clone());
    environment.insert(
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE".into(),
        spec.memory_mb.to_string(),
    );
    environment.insert("AWS_LAMBDA_FUNCTION_VERSION".into(), "$LATEST".into());
    environment.insert("AWS_LAMBDA_LOG_GROUP_NAME".into(), spec.log_group.clone());
    environment.insert("_HANDLER".into(), "bootstrap".into());
    environment
}

/// One function of the stack and its instances.
pub struct Function {
    pub spec: FunctionSpec,
    binary: PathBuf,
    environment: BTreeMap<String, String>,
    max_instances: usize,
    idle: Mutex<Vec<Arc<Instance>>>,
    running: Mutex<usize>,
    released: Notify,
    sink: Sink,
}

impl Function {
    pub fn new(
        spec: FunctionSpec,
        bin_dir: &std::path::Path,
        base_env: &BTreeMap<String, String>,
        max_instances: usize,
        sink: Sink,
    ) -> Self {
        let environment = environment(&spec, base_env);
        Self {
            binary: bin_dir.join(&spec.binary),
            spec,
            environment,
            max_instances,
            idle: Mutex::new(Vec::new()),
            running: Mutex::new(0),
            released: Notify::new(),
            sink,
        }
    }

    /// Invokes the function with `payload` and waits for its result.
    pub async fn invoke(&self, payload: &Value) -> Result<Value, InvokeError> {
        let instance = self.acquire().await?;
        let request_id = uuid::Uuid::new_v4().to_string();
        let started = Instant::now();
        self.log(
            &instance,
            format!("START RequestId: {request_id} Version: $LATEST"),
        );
        let outcome = instance
            .invoke(&request_id, payload, self.spec.timeout)
            .await;
        let duration = started.elapsed();
        let healthy = match &outcome {
            Ok(_) | Err(InvokeError::Function(_)) => true,
            Err(InvokeError::Timeout(seconds)) => {
                self.log(
                    &instance,
                    format!(
                        "{} {request_id} Task timed out after {seconds:.2} seconds",
                        timestamp()
                    ),
                );
                false
            }
            Err(err) => {
                self.log(&instance, format!("RequestId: {request_id} Error: {err}"));
                false
            }
        };
        self.log(&instance, format!("END RequestId: {request_id}"));
        self.report(&instance, &request_id, duration);
        self.release(instance, healthy).await;
        let body = outcome?;
        serde_json::from_slice(&body)
            .map_err(|err| InvokeError::Function(format!("the response is not JSON: {err}")))
    }

    async fn acquire(&self) -> Result<Arc<Instance>, InvokeError> {
        loop {
            if let Some(instance) = self.idle.lock().await.pop() {
                if instance.is_alive() {
                    return Ok(instance);
                }
                *self.running.lock().await -= 1;
                continue;
            }
            {
                let mut running = self.running.lock().await;
                if *running < self.max_instances {
                    *running += 1;
                    drop(running);
                    return match Instance::start(
                        &self.binary,
                        &self.environment,
                        &self.spec,
                        self.sink.clone(),
                    )
                    .await
                    {
                        Ok(instance) => Ok(instance),
                        Err(err) => {
                            *self.running.lock().await -= 1;
                            Err(InvokeError::Start(err))
                        }
                    };
                }
            }
            self.released.notified().await;
        }
    }

    async fn release(&self, instance: Arc<Instance>, healthy: bool) {
        if healthy && instance.is_alive() {
            self.idle.lock().await.push(instance);
        } else {
            instance.stop();
            *self.running.lock().await -= 1;
        }
        self.released.notify_one();
    }

    fn log(&self, instance: &Instance, line: String) {
        self.sink
            .push(&self.spec.log_group, instance.stream(), line);
    }

    fn report(&self, instance: &Instance, request_id: &str, duration: Duration) {
        let millis = duration.as_secs_f64() * 1000.0;
        let mut line = format!(
            "REPORT RequestId: {request_id}\tDuration: {millis:.2} ms\tBilled Duration: {} ms\tMemory Size: {} MB\tMax Memory Used: {} MB",
            millis.ceil() as u64,
            self.spec.memory_mb,
            instance.max_memory_mb(),
        );
        if let Some(init) = instance.take_init_duration() {
            line.push_str(&format!(
                "\tInit Duration: {:.2} ms",
                init.as_secs_f64() * 1000.0
            ));
        }
        println!("[{}] {line}", self.spec.name);
        self.log(instance, line);
    }

    /// Stops every instance (on shutdown).
    pub async fn stop(&self) {
        for instance in self.idle.lock().await.drain(..) {
            instance.stop();
        }
    }
}

fn timestamp() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
