//! `starjack-sandbox [PORT]`: serves every third party on 127.0.0.1 (default port 3100, or
//! `STARJACK_SANDBOX_PORT`), configured by the `STARJACK_SANDBOX_*` variables (see README).

use std::net::SocketAddr;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let port: u16 = match std::env::args()
        .nth(1)
        .or_else(|| std::env::var("STARJACK_SANDBOX_PORT").ok())
    {
        Some(raw) => raw.parse().map_err(|err| format!("port {raw:?}: {err}"))?,
        None => 3100,
    };
    let settings = sandbox::Settings::from_env(port)?;
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(address).await?;
    tracing::info!("sandbox on http://{address}/");
    axum::serve(listener, sandbox::app(sandbox::Sandbox::new(settings))).await?;
    Ok(())
}
