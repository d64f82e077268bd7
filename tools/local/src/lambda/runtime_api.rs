//! The Lambda Runtime API one instance talks to: `next`, `response`, `error`, `init/error`.

use super::InvokeError;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use std::collections::HashMap;
use std::sync::{Arc, Mutex as SyncMutex};
use std::time::Instant;
use tokio::sync::{Mutex, Notify, mpsc, oneshot};

/// One event handed to the instance.
pub struct Invocation {
    pub request_id: String,
    pub payload: Vec<u8>,
    pub deadline_ms: u128,
    pub function_arn: String,
}

pub type Outcome = Result<Vec<u8>, InvokeError>;

/// What the Runtime API of one instance shares with the instance.
pub struct RuntimeState {
    pub queue: Mutex<mpsc::Receiver<Invocation>>,
    pub pending: SyncMutex<HashMap<String, oneshot::Sender<Outcome>>>,
    pub first_poll: SyncMutex<Option<Instant>>,
    /// Notified on the first `next`: the end of the init phase.
    pub ready: Notify,
}

impl RuntimeState {
    pub fn new(queue: mpsc::Receiver<Invocation>) -> Self {
        Self {
            queue: Mutex::new(queue),
            pending: SyncMutex::new(HashMap::new()),
            first_poll: SyncMutex::new(None),
            ready: Notify::new(),
        }
    }

    pub fn settle(&self, request_id: &str, outcome: Outcome) {
        let sender = self
            .pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(request_id);
        if let Some(sender) = sender {
            let _ = sender.send(outcome);
        }
    }

    /// Fails every pending invocation, when the process is gone.
    pub fn fail_all(&self, reason: &str) {
        let pending: Vec<_> = self
            .pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .drain()
            .collect();
        for (_, sender) in pending {
            let _ = sender.send(Err(InvokeError::Crashed(reason.to_owned())));
        }
    }
}

pub fn router(state: Arc<RuntimeState>) -> Router {
    Router::new()
        .route("/2018-06-01/runtime/invocation/next", get(next))
        .route(
            "/2018-06-01/runtime/invocation/{id}/response",
            post(response),
        )
        .route("/2018-06-01/runtime/invocation/{id}/error", post(error))
        .route("/2018-06-01/runtime/init/error", post(init_error))
        .with_state(state)
}

async fn next(State(state): State<Arc<RuntimeState>>) -> impl IntoResponse {
    state
        .first_poll
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get_or_insert_with(Instant::now);
    state.ready.notify_waiters();
    let Some(invocation) = state.queue.lock().await.recv().await else {
        return (StatusCode::GONE, HeaderMap::new(), Vec::new());
    };
    let mut headers = HeaderMap::new();
    let pairs = [
        ("lambda-runtime-aws-request-id", invocation.request_id),
        (
            "lambda-runtime-deadline-ms",
            invocation.deadline_ms.to_string(),
        ),
        (
            "lambda-runtime-invoked-function-arn",
            invocation.function_arn,
        ),
        (
            "lambda-runtime-trace-id",
            format!("Root=1-{}", uuid::Uuid::new_v4().simple()),
        ),
        ("content-type", "application/json".to_owned()),
    ];
    for (name, value) in pairs {
        if let Ok(value) = value.parse() {
            headers.insert(name, value);
        }
    }
    (StatusCode::OK, headers, invocation.payload)
}

async fn response(
    State(state): State<Arc<RuntimeState>>,
    Path(id): Path<String>,
    body: Bytes,
) -> StatusCode {
    state.settle(&id, Ok(body.to_vec()));
    StatusCode::ACCEPTED
}

async fn error(
    State(state): State<Arc<RuntimeState>>,
    Path(id): Path<String>,
    body: Bytes,
) -> StatusCode {
    state.settle(
        &id,
        Err(InvokeError::Function(
            String::from_utf8_lossy(&body).into_owned(),
        )),
    );
    StatusCode::ACCEPTED
}

async fn init_error(body: Bytes) -> StatusCode {
    eprintln!("init error: {}", String::from_utf8_lossy(&body));
    StatusCode::ACCEPTED
}
