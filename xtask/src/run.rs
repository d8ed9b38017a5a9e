//! `cargo xtask run`: builds the web app (release, offline) and starts the server with it.

use std::path::Path;

use crate::cmd::{Result, command, run as run_step};
use crate::setup::{self, Needs};
use crate::web::build_web;

pub fn run(root: &Path, server_args: Vec<String>) -> Result {
    setup::setup(root, Needs::Build)?;
    build_web(root)?;
    let officer_token = crate::officer::token(root)?;
    demo_agencies(root)?;
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

/// The demo agency registry, made once: a commune site at `http://localhost:8081` may embed
/// every procedure with an online form (`docs/embedding.md` says how to try it).
fn demo_agencies(root: &Path) -> Result {
    let file = root.join("data/agencies.toml");
    if file.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(root.join("data")).map_err(|e| format!("data/: {e}"))?;
    std::fs::write(
        &file,
        "# Agencies allowed to embed forms on their sites (see docs/embedding.md).\n\
         [[agency]]\n\
         id = \"xa-demo\"\n\
         name = \"UBND xã Demo (thử nghiệm)\"\n\
         name_en = \"Demo Commune People's Committee (sandbox)\"\n\
         origins = [\"http://localhost:8081\"]\n\
         procedures = [\"*\"]\n",
    )
    .map_err(|e| format!("{}: {e}", file.display()))?;
    println!("xtask: wrote the demo agency registry {}", file.display());
    Ok(())
}
