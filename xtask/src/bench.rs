//! `cargo xtask bench`: prints speed, effort, load and first-load figures. Nothing is asserted:
//! targets are read by people, not by timed tests that flake on a busy machine.

use std::path::Path;
use std::process::Command;

use crate::cmd::{Result, command, run};
use crate::floor::build_floor;
use crate::server::{CHROMIUM, TestServer};
use crate::setup::{self, Needs};
use crate::web::build_web;

/// `cargo xtask bench --scale`: the figures at 10⁴, 10⁵ and 10⁶ dossiers on SQLite and on a
/// temporary PostgreSQL, against the release server (about a minute; not part of `bench`).
pub fn scale(root: &Path) -> Result {
    setup::setup(root, Needs::Build)?;
    run(
        "building the release server and the benchmarks",
        command(root, "cargo").args([
            "build",
            "--release",
            "--package",
            "motlan-server",
            "--package",
            "motlan-bench",
        ]),
    )?;
    let target = crate::cmd::target_dir(root);
    let postgres = crate::postgres::TempPostgres::start()?;
    run(
        "filling databases with 10^4, 10^5 and 10^6 dossiers and timing the server on each",
        command(root, target.join("release/motlan-bench"))
            .arg("--scale")
            .arg(target.join("release/motlan-server"))
            .arg(&postgres.url),
    )
}

/// `motlan-bench` in release mode; its arguments follow.
fn motlan_bench(root: &Path) -> Command {
    let mut bench = command(root, "cargo");
    bench.args(["run", "--quiet", "--release", "-p", "motlan-bench", "--"]);
    bench
}

pub fn bench(root: &Path) -> Result {
    setup::setup(root, Needs::Everything)?;
    run(
        "running the engine and load benchmarks (release build)",
        &mut motlan_bench(root),
    )?;
    build_web(root)?;
    let floor = build_floor(root)?;
    run(
        "measuring the first-load transfer size",
        motlan_bench(root)
            .args(["--bundle", "dist", "--floor"])
            .arg(&floor),
    )?;
    run(
        "building the server",
        command(root, "cargo").args(["build", "--package", "motlan-server"]),
    )?;
    let target = crate::cmd::target_dir(root);
    run(
        "measuring the server's memory under 16 concurrent 10 MiB uploads",
        motlan_bench(root)
            .arg("--uploads")
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
