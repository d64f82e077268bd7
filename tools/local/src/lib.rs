//! The local cloud: the stack of `template.yaml` on this machine, on moto and the functions'
//! binaries as scripts/dev builds them, so that what runs locally cannot drift from the template.

pub mod asynchronous;
pub mod gateway;
pub mod lambda;
pub mod logs;
mod options;
pub mod resources;
pub mod schedule;
pub mod sqs;
pub mod template;

pub use options::Options;

use asynchronous::AsyncInvoker;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use lambda::Function;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use template::Event;

/// The running stack.
pub struct Cloud {
    pub port: u16,
    functions: Vec<Arc<Function>>,
}

impl Cloud {
    /// Stops every function instance.
    pub async fn stop(&self) {
        for function in &self.functions {
            function.stop().await;
        }
    }
}

type Error = Box<dyn std::error::Error + Send + Sync>;

/// What a function process inherits from the runner's environment, as Lambda would set it.
const INHERITED: &[&str] = &[
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_ENDPOINT_URL",
    "PATH",
    "RUST_BACKTRACE",
];

struct Shared {
    gateway: gateway::Gateway,
    schedules: HashMap<String, Vec<(Arc<Function>, String)>>,
    region: String,
}

/// Creates the resources and starts every function, route, poller and subscription.
pub async fn start(options: Options) -> Result<Cloud, Error> {
    let (aws, region, stack) = load(&options).await?;
    let clients = resources::Clients::new(&aws);
    let queue_urls = resources::create(&stack, &clients).await?;
    let sink = logs::Sink::start(clients.logs.clone());
    let base = base_environment(&options.bin_dir);
    let bucket = |t: &template::Throttle| {
        gateway::Bucket::new(gateway::Limits {
            rate: t.rate,
            burst: t.burst,
        })
    };
    let mut shared = Shared {
        gateway: gateway::Gateway {
            routes: Vec::new(),
            buckets: stack
                .throttling
                .routes
                .iter()
                .map(|(key, t)| (key.clone(), bucket(t)))
                .collect(),
            default_bucket: stack.throttling.default.as_ref().map(bucket),
            integration_timeout: options.integration_timeout,
            instance_wait: options.instance_wait,
        },
        schedules: HashMap::new(),
        region: region.clone(),
    };
    let mut functions = Vec::new();
    for spec in &stack.functions {
        let function = Arc::new(Function::new(
            spec.clone(),
            &options.bin_dir,
            &base,
            options.max_instances,
            sink.clone(),
        ));
        functions.push(function.clone());
        for event in &spec.events {
            match event {
                Event::Http { method, path } => {
                    shared
                        .gateway
                        .routes
                        .push(gateway::Route::new(method, path, function.clone()))
                }
                Event::Sqs {
                    queue_arn,
                    batch_size,
                    window,
                    report_failures,
                    max_concurrency,
                } => {
                    let queue_url = queue_urls
                        .get(queue_arn)
                        .cloned()
                        .ok_or_else(|| format!("{} reads unknown queue {queue_arn}", spec.name))?;
                    sqs::check_visibility(&clients.sqs, &queue_url, &function).await?;
                    let poller = Arc::new(sqs::Poller {
                        function: function.clone(),
                        queue_url,
                        queue_arn: queue_arn.clone(),
                        region: region.clone(),
                        batch_size: *batch_size,
                        window: *window,
                        report_failures: *report_failures,
                    });
                    let pollers = max_concurrency
                        .unwrap_or(options.sqs_concurrency)
                        .min(function.max_instances())
                        .max(1);
                    for _ in 0..pollers {
                        tokio::spawn(poller.clone().run(clients.sqs.clone()));
                    }
                }
                Event::Schedule { name, expression } => {
                    for key in [spec.name.clone(), spec.logical_id.clone()] {
                        shared
                            .schedules
                            .entry(key)
                            .or_default()
                            .push((function.clone(), name.clone()));
                    }
                    if let Some(interval) = schedule::rate(expression) {
                        tokio::spawn(schedule::run(
                            function.clone(),
                            name.clone(),
                            region.clone(),
                            interval,
                        ));
                    }
                }
                Event::Logs {
                    name,
                    log_group,
                    filter_pattern,
                } => {
                    resources::ensure_log_group(&clients.logs, log_group).await?;
                    let subscription = logs::Subscription {
                        name: name.clone(),
                        group: log_group.clone(),
                        pattern: logs::FilterPattern::parse(filter_pattern)
                            .map_err(|err| format!("{}'s filter pattern: {err}", spec.name))?,
                        invoker: AsyncInvoker {
                            function: function.clone(),
                            on_failure: spec
                                .on_failure_queue
                                .as_ref()
                                .and_then(|arn| queue_urls.get(arn).cloned()),
                            sqs: clients.sqs.clone(),
                            settings: options.asynchronous,
                        },
                    };
                    tokio::spawn(subscription.run(clients.logs.clone()));
                }
            }
        }
    }
    for route in &shared.gateway.routes {
        println!("  route  {:<50} -> {}", route.key(), route.target.spec.name);
    }

    let listener = tokio::net::TcpListener::bind(("127.0.0.1", options.port)).await?;
    let port = listener.local_addr()?.port();
    let app = Router::new()
        .route("/_local/health", get(|| async { "ok" }))
        .route("/_local/schedules/{function}", post(fire_schedule))
        .fallback(
            |State(shared): State<Arc<Shared>>, method, uri, headers, body| async move {
                shared.gateway.serve(method, uri, headers, body).await
            },
        )
        .with_state(Arc::new(shared));
    tokio::spawn(axum::serve(listener, app).into_future());
    Ok(Cloud { port, functions })
}

/// The AWS configuration, its region, and the template's stack resolved against them.
async fn load(
    options: &Options,
) -> Result<(shared::aws::SdkConfig, String, template::Stack), Error> {
    let endpoint = std::env::var("AWS_ENDPOINT_URL")
        .map_err(|_| "AWS_ENDPOINT_URL must point at moto's server")?;
    let aws = shared::aws::load().await;
    let region = aws
        .region()
        .map(ToString::to_string)
        .unwrap_or_else(|| "eu-central-1".into());
    let stack = template::load(
        &options.template,
        &options.stack_name,
        &region,
        &endpoint,
        &options.parameters,
    )?;
    Ok((aws, region, stack))
}

/// The environment every function process starts from: what Lambda sets for all functions and
/// what the runner passes on.
fn base_environment(bin_dir: &std::path::Path) -> BTreeMap<String, String> {
    let mut base = BTreeMap::from([
        ("TZ".to_owned(), ":UTC".to_owned()),
        ("LAMBDA_TASK_ROOT".to_owned(), bin_dir.display().to_string()),
    ]);
    for name in INHERITED {
        if let Ok(value) = std::env::var(name) {
            base.insert((*name).to_owned(), value);
        }
    }
    base
}

/// Every function of the stack as the local cloud would start it, without starting anything:
/// `[{name, binary, memory_mb, timeout_ms, environment}]` (the cold-start benchmark reads it).
pub async fn describe(options: &Options) -> Result<serde_json::Value, Error> {
    let (_, _, stack) = load(options).await?;
    let base = base_environment(&options.bin_dir);
    let functions = stack.functions.iter().map(|spec| {
        serde_json::json!({
            "name": spec.name,
            "binary": options.bin_dir.join(&spec.binary),
            "memory_mb": spec.memory_mb,
            "timeout_ms": spec.timeout.as_millis() as u64,
            "environment": lambda::environment(spec, &base),
        })
    });
    Ok(functions.collect())
}

async fn fire_schedule(
    State(shared): State<Arc<Shared>>,
    Path(function): Path<String>,
) -> (StatusCode, String) {
    let Some(schedules) = shared.schedules.get(&function) else {
        return (StatusCode::NOT_FOUND, format!("{function} has no schedule"));
    };
    for (target, rule) in schedules {
        if let Err(err) = schedule::fire(target, rule, &shared.region).await {
            return (StatusCode::BAD_GATEWAY, err.to_string());
        }
    }
    (
        StatusCode::OK,
        format!("fired {} schedule(s) of {function}", schedules.len()),
    )
}
