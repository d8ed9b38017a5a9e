//! `cargo xtask fuzz [SECONDS] [TARGET...]`: runs each cargo-fuzz target of `fuzz/` (libFuzzer)
//! for SECONDS (default 600), seeded with the catalog and the checker's fixtures. Needs the
//! nightly toolchain and cargo-fuzz, installed here if missing; not part of `cargo xtask test`.

use std::path::Path;

use crate::cmd::{Result, command, run};

const TARGETS: [&str; 4] = ["personal_id", "date_and_phone", "audit_records", "catalog"];

pub fn fuzz(root: &Path, args: &[String]) -> Result {
    let seconds: u64 = match args.first() {
        Some(s) => s.parse().map_err(|e| format!("seconds: {e}"))?,
        None => 600,
    };
    let chosen: Vec<&str> = if args.len() > 1 {
        args[1..].iter().map(String::as_str).collect()
    } else {
        TARGETS.to_vec()
    };
    if let Some(unknown) = chosen.iter().find(|t| !TARGETS.contains(t)) {
        return Err(format!(
            "unknown target {unknown}; targets: {}",
            TARGETS.join(", ")
        ));
    }
    let nightly = command(root, "rustup")
        .args(["run", "nightly", "rustc", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !nightly {
        run(
            "installing the nightly toolchain (fuzzing only)",
            command(root, "rustup").args([
                "toolchain",
                "install",
                "nightly",
                "--profile",
                "minimal",
            ]),
        )?;
    }
    let has_fuzz = command(root, "cargo")
        .args(["fuzz", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_fuzz {
        run(
            "installing cargo-fuzz",
            command(root, "cargo").args(["install", "cargo-fuzz", "--locked"]),
        )?;
    }
    seed(root)?;
    for target in chosen {
        run(
            &format!("fuzzing {target} for {seconds} s"),
            command(root, "cargo").args([
                "+nightly",
                "fuzz",
                "run",
                target,
                "--",
                &format!("-max_total_time={seconds}"),
                "-max_len=65536",
            ]),
        )?;
    }
    println!("xtask: no crash in {seconds} s per target");
    Ok(())
}

/// Starting inputs: the catalog's procedures for the loader, the checker's fixtures for its
/// readers (libFuzzer mutates from there instead of from nothing).
fn seed(root: &Path) -> Result {
    let copy = |from: &Path, target: &str| -> Result {
        let to = root.join("fuzz/corpus").join(target);
        std::fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
        let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                std::fs::copy(&path, to.join(entry.file_name()))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        Ok(())
    };
    copy(&root.join("crates/core/catalog"), "catalog")?;
    copy(&root.join("crates/audit/tests/fixtures"), "audit_records")
}
