//! `cargo xtask bench`: prints speed, effort, load and first-load figures. Nothing is asserted:
//! targets are read by people, not by timed tests that flake on a busy machine.

use std::path::Path;

use crate::cmd::{Result, command, run};
use crate::run::build_web;
use crate::server::{CHROMIUM, TestServer};
use crate::setup::{self, Needs};

pub fn bench(root: &Path) -> Result {
    setup::setup(root, Needs::Everything)?;
    run(
        "running the engine and load benchmarks (release build)",
        command(root, "cargo").args(["run", "--quiet", "--release", "-p", "motlan-bench"]),
    )?;
    build_web(root)?;
    run(
        "measuring the first-load transfer size",
        command(root, "cargo").args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "motlan-bench",
            "--",
            "--bundle",
            "dist",
        ]),
    )?;
    run(
        "building the server",
        command(root, "cargo").args(["build", "--package", "motlan-server"]),
    )?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), std::path::PathBuf::from);
    run(
        "measuring the server's memory under 16 concurrent 10 MiB uploads",
        command(root, "cargo")
            .args([
                "run",
                "--quiet",
                "--release",
                "-p",
                "motlan-bench",
                "--",
                "--uploads",
            ])
            .arg(target.join("debug/motlan-server")),
    )?;
    let mut server = TestServer::start(root)?;
    let timed = run(
        "timing the first usable page in throttled headless Chromium",
        command(root, "node")
            .arg(root.join("tests/bench/first-load.mjs"))
            .env("MOTLAN_BASE_URL", &server.url)
            .env("CHROMIUM_PATH", CHROMIUM),
    );
    timed.and(server.stop())
}
