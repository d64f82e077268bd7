//! How the local cloud runs the stack, with AWS's behaviour as the default.

use crate::asynchronous::AsyncSettings;
use crate::gateway;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

/// How to run the stack.
pub struct Options {
    pub template: PathBuf,
    pub parameters: HashMap<String, String>,
    pub stack_name: String,
    pub bin_dir: PathBuf,
    /// 0 picks a free port.
    pub port: u16,
    /// The most instances of one function at once.
    pub max_instances: usize,
    /// The most batches in flight per SQS event source (also capped by its
    /// `ScalingConfig.MaximumConcurrency` and by `max_instances`).
    pub sqs_concurrency: usize,
    /// How long the HTTP API waits for a function (capped at its 30 s).
    pub integration_timeout: Duration,
    /// How long a request waits for a free instance before it is throttled.
    pub instance_wait: Duration,
    /// Asynchronous invocations' time scale and duplicates.
    pub asynchronous: AsyncSettings,
}

impl Options {
    /// AWS's behaviour: 4 instances per function, as many batches in flight, the 30 s
    /// integration cap, async retries after 1 and 2 minutes, no forced duplicates.
    pub fn new(template: PathBuf, bin_dir: PathBuf) -> Self {
        Self {
            template,
            parameters: HashMap::new(),
            stack_name: "starjack".into(),
            bin_dir,
            port: 3000,
            max_instances: 4,
            sqs_concurrency: 4,
            integration_timeout: gateway::MAX_INTEGRATION_TIMEOUT,
            instance_wait: Duration::from_secs(10),
            asynchronous: AsyncSettings {
                time_scale: 1.0,
                duplicate_rate: 0.0,
            },
        }
    }
}
