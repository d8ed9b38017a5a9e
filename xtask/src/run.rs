//! `cargo xtask run`: builds the web app (release, offline) and starts the server with it.

use std::path::Path;

use crate::cmd::{Result, command, run as run_step};
use crate::setup::{self, Needs};

pub fn run(root: &Path, server_args: Vec<String>) -> Result {
    setup::setup(root, Needs::Build)?;
    build_web(root)?;
    let officer_token = crate::officer::token(root)?;
    run_step(
        "building and starting the server (Ctrl-C stops it)",
        command(root, "cargo")
            .args([
                "run",
                "--release",
                "--quiet",
                "--package",
                "motlan-server",
                "--",
            ])
            .args(server_args)
            .env("MOTLAN_OFFICER_TOKEN", officer_token),
    )
}

/// Release build of the web app into `dist/`.
pub fn build_web(root: &Path) -> Result {
    run_step(
        "building the web app with Trunk (release)",
        command(root, "trunk").args(["build", "--release"]),
    )
}
