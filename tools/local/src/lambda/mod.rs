//! Functions as processes behind the Lambda Runtime API: each instance is the function's binary
//! with its own Runtime API endpoint; a function keeps warm instances and starts another when
//! invocations overlap, up to a limit, as Lambda's execution environments do.

mod instance;
mod report;
mod runtime_api;

use crate::logs::Sink;
use crate::template::FunctionSpec;
use instance::Instance;
use report::Outcome;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, Notify};

/// Why an invocation produced no result.
#[derive(Debug, Clone, thiserror::Error)]
pub enum InvokeError {
    /// The handler reported an error through the Runtime API (`Unhandled` on Lambda).
    #[error("function error: {0}")]
    Function(String),
    #[error("Task timed out after {0:.2} seconds")]
    Timeout(f64),
    /// The runtime process exited during the invocation (`Runtime.ExitError`).
    #[error("Runtime exited with error: {0}")]
    Crashed(String),
    /// The instance was killed for using more than its `MemorySize` (`Runtime.OutOfMemory`).
    #[error("Runtime exited with error: signal: killed")]
    OutOfMemory,
    /// No instance became free in time (Lambda's `TooManyRequestsException`).
    #[error("Rate Exceeded.")]
    Throttled,
    #[error("could not start the function: {0}")]
    Start(String),
}

/// How long Lambda gives a runtime's init phase before it counts against the invocation
/// ("Init phase" of the execution environment lifecycle).
const INIT_PHASE: Duration = Duration::from_secs(10);

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
            max_instances: max_instances.max(1),
            idle: Mutex::new(Vec::new()),
            running: Mutex::new(0),
            released: Notify::new(),
            sink,
        }
    }

    /// The most instances this function runs at once.
    pub fn max_instances(&self) -> usize {
        self.max_instances
    }

    /// Invokes the function with `payload`, waiting as long as it takes for a free instance
    /// (event sources: Lambda's pollers hold back instead of failing).
    pub async fn invoke(&self, payload: &Value) -> Result<Value, InvokeError> {
        let instance = self.acquire(None).await?;
        self.run(instance, payload).await
    }

    /// Invokes the function, throttled when no instance is free within `wait` (synchronous
    /// invocations: Lambda answers `TooManyRequestsException` instead of queueing them).
    pub async fn invoke_within(
        &self,
        payload: &Value,
        wait: Duration,
    ) -> Result<Value, InvokeError> {
        let instance = self.acquire(Some(Instant::now() + wait)).await?;
        self.run(instance, payload).await
    }

    async fn run(&self, instance: Arc<Instance>, payload: &Value) -> Result<Value, InvokeError> {
        let request_id = uuid::Uuid::new_v4().to_string();
        let started = Instant::now();
        self.log(
            &instance,
            format!("START RequestId: {request_id} Version: $LATEST"),
        );
        let outcome = instance
            .invoke(&request_id, payload, self.spec.timeout, self.spec.memory_mb)
            .await;
        let duration = started.elapsed();
        let status = Outcome::of(&outcome);
        let exit = outcome
            .as_ref()
            .err()
            .and_then(|err| report::exit_line(&request_id, err));
        for line in [status.error_line(&request_id, &timestamp()), exit]
            .into_iter()
            .flatten()
        {
            self.log(&instance, line);
        }
        self.log(&instance, format!("END RequestId: {request_id}"));
        let line = status.report(
            &request_id,
            duration,
            self.spec.memory_mb,
            instance.max_memory_mb(),
            instance.take_init_duration(),
        );
        println!("[{}] {line}", self.spec.name);
        self.log(&instance, line);
        self.release(instance, status.keeps_instance()).await;
        let body = outcome?;
        serde_json::from_slice(&body)
            .map_err(|err| InvokeError::Function(format!("the response is not JSON: {err}")))
    }

    /// A warm instance, or a new one while fewer than the limit run; otherwise waits for one
    /// to be released, until `deadline` if there is one. Starting is never cut short, so that
    /// no instance is left counted but unused.
    async fn acquire(&self, deadline: Option<Instant>) -> Result<Arc<Instance>, InvokeError> {
        loop {
            let released = self.released.notified();
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
                    return match self.start().await {
                        Ok(instance) => Ok(instance),
                        Err(err) => {
                            *self.running.lock().await -= 1;
                            self.released.notify_one();
                            Err(InvokeError::Start(err))
                        }
                    };
                }
            }
            match deadline {
                None => released.await,
                Some(deadline) => {
                    let deadline = tokio::time::Instant::from_std(deadline);
                    if tokio::time::timeout_at(deadline, released).await.is_err() {
                        return Err(InvokeError::Throttled);
                    }
                }
            }
        }
    }

    /// Starts an instance and gives its init phase up to [`INIT_PHASE`]; an init that takes
    /// longer goes on into the first invocation's time, as Lambda's suppressed init does.
    async fn start(&self) -> Result<Arc<Instance>, String> {
        let instance = Instance::start(
            &self.binary,
            &self.environment,
            &self.spec,
            self.sink.clone(),
        )
        .await?;
        if !instance.initialised(INIT_PHASE).await {
            self.log(
                &instance,
                format!(
                    "INIT_REPORT Init Duration: {:.2} ms\tPhase: init\tStatus: timeout",
                    INIT_PHASE.as_secs_f64() * 1000.0
                ),
            );
        }
        Ok(instance)
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

    /// Stops every instance (on shutdown).
    pub async fn stop(&self) {
        for instance in self.idle.lock().await.drain(..) {
            instance.stop();
        }
    }
}

fn timestamp() -> String {
    let now = time::OffsetDateTime::now_utc();
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    now.format(&format).unwrap_or_default()
}
