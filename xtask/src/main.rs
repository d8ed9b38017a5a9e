//! Developer commands. Every command a developer or CI runs lives here:
//!
//! - `cargo xtask setup`: install what the build and the tests need (skips what is present)
//! - `cargo xtask run [-- SERVER FLAGS]`: build the web app and serve it with the API on :8080
//! - `cargo xtask build`: build the web app into `dist/` (what `run` serves)
//! - `cargo xtask test`: formatting, lints, native, browser and end-to-end tests
//! - `cargo xtask bench`: print speed, effort and load figures (release build)
//! - `cargo xtask soak [ROUNDS]`: the kill -9 durability check, many rounds (default 20)
//! - `cargo xtask cycles`: report import cycles between the modules of each crate
//! - `cargo xtask fuzz [SECONDS] [TARGET...]`: each fuzz target for SECONDS (nightly; not in CI)
//! - `cargo xtask officer ...`: move a dossier through its states on the officer sandbox
//! - `cargo xtask volunteer add|list|suspend`, `cargo xtask kiosk add|list|revoke`: the volunteer
//!   registry and the commune's kiosks
//!
//! Few dependencies (compression, and the library that splits the web app's module), so the
//! commands compile in about a minute on a fresh machine.

mod bench;
mod cmd;
mod compress;
mod cycles;
mod floor;
mod fuzz;
mod officer;
mod postgres;
mod run;
mod server;
mod service_worker;
mod setup;
mod test;
mod volunteers;
mod web;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <setup | run [-- SERVER FLAGS] | build | test | bench [--scale] | cycles | soak [ROUNDS] | fuzz [SECONDS] [TARGET...] | officer ... | volunteer ... | kiosk ...>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::setup(&root, setup::Needs::Everything),
        Some("run") => run::run(
            &root,
            args[1..].iter().filter(|a| *a != "--").cloned().collect(),
        ),
        Some("test") => test::test(&root),
        Some("bench") if args.get(1).is_some_and(|a| a == "--scale") => bench::scale(&root),
        Some("bench") => bench::bench(&root),
        Some("build") => {
            setup::setup(&root, setup::Needs::Build).and_then(|()| web::build_web(&root))
        }
        Some("cycles") => cycles::cycles(&root),
        Some("fuzz") => fuzz::fuzz(&root, &args[1..]),
        Some("soak") => test::soak(&root, args.get(1).map(String::as_str)),
        Some("officer") => officer::officer(&root, &args[1..]),
        Some("volunteer") => volunteers::volunteer(&root, &args[1..]),
        Some("kiosk") => volunteers::kiosk(&root, &args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown command\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's folder.
fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}
