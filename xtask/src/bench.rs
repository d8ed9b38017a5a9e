//! `cargo xtask bench`: builds the benchmarks in release mode and prints their figures.

use std::path::Path;

use crate::cmd::{Result, command, run};

pub fn bench(root: &Path) -> Result {
    run(
        "running the engine benchmarks (release build)",
        command(root, "cargo").args(["run", "--quiet", "--release", "-p", "motlan-bench"]),
    )
}
