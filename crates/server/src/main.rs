//! The server binary: reads the configuration (flags and environment) and serves.

use clap::Parser;
use motlan_server::{Config, serve};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    motlan_server::telemetry::init();
    serve(Config::parse()).await
}
