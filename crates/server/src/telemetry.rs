//! Logging. Request logs carry method, matched route, status and latency, never bodies, query
//! strings or headers, so no personal data reaches the logs.

use tracing_subscriber::EnvFilter;

/// Logs to standard error; `RUST_LOG` overrides the default level.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    // A second call (several servers in one test process) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
