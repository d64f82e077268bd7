//! One running instance: the function's binary as a child process, its Runtime API endpoint, and
//! its output fed line by line to the log sink.

use super::InvokeError;
use super::runtime_api::{Invocation, RuntimeState, router};
use crate::logs::Sink;
use crate::template::FunctionSpec;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex as SyncMutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::process::Command;
use tokio::sync::{Notify, mpsc, oneshot};

/// How often a running invocation's memory is checked against the function's `MemorySize`.
const MEMORY_CHECK: Duration = Duration::from_millis(20);

pub struct Instance {
    stream: String,
    pid: Option<u32>,
    arn: String,
    queue: mpsc::Sender<Invocation>,
    state: Arc<RuntimeState>,
    alive: Arc<AtomicBool>,
    kill: Arc<Notify>,
    started: Instant,
    init_reported: AtomicBool,
    init_duration: SyncMutex<Option<Duration>>,
}

impl Instance {
    pub async fn start(
        binary: &Path,
        environment: &BTreeMap<String, String>,
        spec: &FunctionSpec,
        sink: Sink,
    ) -> Result<Arc<Self>, String> {
        if !binary.exists() {
            return Err(format!(
                "{} does not exist: build it with cargo build (scripts/dev does)",
                binary.display()
            ));
        }
        let (queue, receiver) = mpsc::channel(1);
        let state = Arc::new(RuntimeState::new(receiver));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| e.to_string())?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        let server = tokio::spawn(axum::serve(listener, router(state.clone())).into_future());

        let date = time::OffsetDateTime::now_utc().date();
        let stream = format!(
            "{}/{:02}/{:02}/[$LATEST]{}",
            date.year(),
            u8::from(date.month()),
            date.day(),
            uuid::Uuid::new_v4().simple()
        );
        let started = Instant::now();
        let mut child = Command::new(binary)
            .env_clear()
            .envs(environment)
            .env("AWS_LAMBDA_RUNTIME_API", address.to_string())
            .env("AWS_LAMBDA_LOG_STREAM_NAME", &stream)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|err| format!("starting {}: {err}", binary.display()))?;
        let pid = child.id();
        for output in [
            child.stdout.take().map(boxed),
            child.stderr.take().map(boxed),
        ]
        .into_iter()
        .flatten()
        {
            tokio::spawn(forward_lines(
                output,
                sink.clone(),
                spec.name.clone(),
                spec.log_group.clone(),
                stream.clone(),
            ));
        }

        let alive = Arc::new(AtomicBool::new(true));
        let kill = Arc::new(Notify::new());
        let (watch_alive, watch_kill, watch_state) = (alive.clone(), kill.clone(), state.clone());
        tokio::spawn(async move {
            let reason = tokio::select! {
                status = child.wait() => match status {
                    Ok(status) => super::report::describe_exit(status),
                    Err(err) => err.to_string(),
                },
                () = watch_kill.notified() => {
                    let _ = child.kill().await;
                    "instance stopped".to_owned()
                }
            };
            watch_alive.store(false, Ordering::SeqCst);
            watch_state.fail_all(&reason);
            server.abort();
        });
        let arn = format!("arn:aws:lambda:local:123456789012:function:{}", spec.name);
        Ok(Arc::new(Self {
            stream,
            pid,
            arn,
            queue,
            state,
            alive,
            kill,
            started,
            init_reported: AtomicBool::new(false),
            init_duration: SyncMutex::new(None),
        }))
    }

    pub fn stream(&self) -> &str {
        &self.stream
    }

    pub fn is_alive(&self) -> bool {
        self.alive.load(Ordering::SeqCst)
    }

    pub fn stop(&self) {
        self.kill.notify_one();
    }

    /// Waits up to `limit` for the runtime to finish its init (its first `next`); false if it
    /// is still initialising.
    pub async fn initialised(&self, limit: Duration) -> bool {
        let ready = self.state.ready.notified();
        if self.first_poll().is_some() {
            return true;
        }
        tokio::time::timeout(limit, ready).await.is_ok() || self.first_poll().is_some()
    }

    fn first_poll(&self) -> Option<Instant> {
        *self
            .state
            .first_poll
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// Sends one invocation and waits for its outcome, at most `timeout`; kills the instance
    /// when its resident memory grows beyond `memory_mb`, as Lambda does.
    pub async fn invoke(
        &self,
        request_id: &str,
        payload: &serde_json::Value,
        timeout: Duration,
        memory_mb: u32,
    ) -> Result<Vec<u8>, InvokeError> {
        let (sender, receiver) = oneshot::channel();
        self.state
            .pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(request_id.to_owned(), sender);
        let deadline = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            + timeout;
        let invocation = Invocation {
            request_id: request_id.to_owned(),
            payload: serde_json::to_vec(payload).unwrap_or_default(),
            deadline_ms: deadline.as_millis(),
            function_arn: self.arn.clone(),
        };
        if self.queue.send(invocation).await.is_err() {
            return Err(InvokeError::Crashed("the instance is gone".into()));
        }
        let outcome = tokio::select! {
            answer = tokio::time::timeout(timeout, receiver) => match answer {
                Err(_) => Err(InvokeError::Timeout(timeout.as_secs_f64())),
                Ok(Err(_)) => Err(InvokeError::Crashed("the instance is gone".into())),
                Ok(Ok(outcome)) => outcome,
            },
            () = self.exceeds(memory_mb) => {
                self.stop();
                Err(InvokeError::OutOfMemory)
            }
        };
        self.note_init();
        outcome
    }

    fn note_init(&self) {
        if self.init_reported.swap(true, Ordering::SeqCst) {
            return;
        }
        let first = *self
            .state
            .first_poll
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        *self.init_duration.lock().unwrap_or_else(|p| p.into_inner()) =
            first.map(|at| at.duration_since(self.started));
    }

    /// The init duration, once: on the instance's first invocation.
    pub fn take_init_duration(&self) -> Option<Duration> {
        self.init_duration
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
    }

    /// Returns once the process's resident memory exceeds `memory_mb` (never if it cannot be
    /// read).
    async fn exceeds(&self, memory_mb: u32) {
        loop {
            if self.memory_mb("VmRSS:") > u64::from(memory_mb) {
                return;
            }
            tokio::time::sleep(MEMORY_CHECK).await;
        }
    }

    /// The peak resident memory of the process so far.
    pub fn max_memory_mb(&self) -> u64 {
        self.memory_mb("VmHWM:")
    }

    fn memory_mb(&self, field: &str) -> u64 {
        let Some(pid) = self.pid else { return 0 };
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix(field))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map_or(0, |kb| kb.div_ceil(1024))
    }
}

fn boxed(output: impl AsyncRead + Unpin + Send + 'static) -> Box<dyn AsyncRead + Unpin + Send> {
    Box::new(output)
}

async fn forward_lines(
    output: Box<dyn AsyncRead + Unpin + Send>,
    sink: Sink,
    name: String,
    group: String,
    stream: String,
) {
    let mut lines = BufReader::new(output).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        println!("[{name}] {line}");
        sink.push(&group, &stream, line);
    }
}
