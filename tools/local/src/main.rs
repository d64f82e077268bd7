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
    let options = local::Options {
        template: args.template,
        parameters,
        stack_name: args.stack_name,
        bin_dir: args.bin_dir,
        port: args.port,
        max_instances: args.max_instances,
    };
    if args.describe {
        println!("{}", local::describe(&options)?);
        return Ok(());
    }
    let cloud = local::start(options).await?;
    println!("local cloud ready: API on http://127.0.0.1:{}", cloud.port);
    tokio::signal::ctrl_c().await?;
    cloud.stop().await;
    Ok(())
}
