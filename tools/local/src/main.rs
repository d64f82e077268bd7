//! `starjack-local`: the local cloud. Reads `template.yaml`, creates its tables, queues and log
//! groups in moto, and runs every function from its binary (`--bin-dir`) behind the Lambda Runtime
//! API, with its HTTP routes, SQS event sources, schedules and log subscriptions.

use clap::Parser;
use std::collections::HashMap;
use std::path::PathBuf;

/// Runs the stack of a SAM template locally against moto (AWS_ENDPOINT_URL).
#[derive(Parser)]
struct Args {
    /// The SAM template.
    #[arg(long, default_value = "template.yaml")]
    template: PathBuf,
    /// A JSON object of template parameter values.
    #[arg(long)]
    parameters: Option<PathBuf>,
    /// The stack name that `AWS::StackName` resolves to.
    #[arg(long, default_value = "starjack")]
    stack_name: String,
    /// Where the functions' binaries are (scripts/dev passes the profile's directory).
    #[arg(long, default_value = "target/debug")]
    bin_dir: PathBuf,
    /// The API's port on 127.0.0.1.
    #[arg(long, env = "STARJACK_PORT", default_value_t = 3000)]
    port: u16,
    /// The most instances of one function running at once.
    #[arg(long, default_value_t = 4)]
    max_instances: usize,
    /// The most batches in flight per SQS event source (at most --max-instances).
    #[arg(long, default_value_t = 4)]
    sqs_concurrency: usize,
    /// Seconds a request waits for a free instance before it is throttled.
    #[arg(long, default_value_t = 10)]
    instance_wait: u64,
    /// Multiplies asynchronous retry delays and event ages (1 = AWS's ~1 and ~2 minutes).
    #[arg(long, env = "STARJACK_TIME_SCALE", default_value_t = 1.0)]
    time_scale: f64,
    /// The chance (0..1) that an asynchronous event is delivered twice, as Lambda may.
    #[arg(long, default_value_t = 0.0)]
    async_duplicates: f64,
    /// Print every function's binary, memory, timeout and environment as JSON, and exit.
    #[arg(long)]
    describe: bool,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let args = Args::parse();
    let parameters: HashMap<String, String> = match &args.parameters {
        Some(path) => serde_json::from_str(&std::fs::read_to_string(path)?)
            .map_err(|err| format!("{} must be a JSON object of strings: {err}", path.display()))?,
        None => HashMap::new(),
    };
    let mut options = local::Options::new(args.template, args.bin_dir);
    options.parameters = parameters;
    options.stack_name = args.stack_name;
    options.port = args.port;
    options.max_instances = args.max_instances;
    options.sqs_concurrency = args.sqs_concurrency;
    options.instance_wait = std::time::Duration::from_secs(args.instance_wait);
    options.asynchronous.time_scale = args.time_scale;
    options.asynchronous.duplicate_rate = args.async_duplicates;
    if args.describe {
        println!("{}", local::describe(&options).await?);
        return Ok(());
    }
    let cloud = local::start(options).await?;
    println!("local cloud ready: API on http://127.0.0.1:{}", cloud.port);
    tokio::signal::ctrl_c().await?;
    cloud.stop().await;
    Ok(())
}
