//! `cargo xtask test`: every check CI runs, in one command. All suites run even when one fails, so
//! a run reports everything at once; the last line counts the tests of every suite.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::cmd::{Result, command, run};
use crate::postgres;
use crate::server::{CHROMIUM, TestServer, server_binary};
use crate::setup::{self, Needs};
use crate::web::build_web;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Builds the server and bench binaries with the feature set `cargo test --workspace` resolved
/// (dev-dependencies included), so they reuse its compiled dependencies instead of building a
/// second copy of the tree: less time and a fraction of the disk on a clean CI machine. The API
/// tests on PostgreSQL likewise run as `--workspace`.
const NATIVE_BUILD: [&str; 3] = ["build", "--workspace", "--all-targets"];

#[derive(Debug, Default)]
struct Report {
    passed: u64,
    failed: u64,
    /// Steps that failed, in order.
    failures: Vec<String>,
}

impl Report {
    fn step(&mut self, what: &str, result: Result) {
        if let Err(message) = result {
            eprintln!("xtask: FAILED: {message}");
            self.failures.push(what.to_owned());
        }
    }
}

pub fn test(root: &Path) -> Result {
    let started = Instant::now();
    setup::setup(root, Needs::Everything)?;
    let mut report = Report::default();

    let fmt = run(
        "checking formatting (cargo fmt)",
        command(root, "cargo").args(["fmt", "--all", "--", "--check"]),
    );
    report.step("cargo fmt --check", fmt);
    let wasm32 = [
        "--package",
        "motlan-web",
        "--target",
        "wasm32-unknown-unknown",
    ];
    // The public pages alone: the configuration the server renders with (`journey` off).
    let public = [
        &wasm32[..],
        &["--no-default-features", "--features", "hydration"][..],
    ]
    .concat();
    // What the browser runs: every page, taking over the server's, split into parts.
    let browser = [&wasm32[..], &["--features", "hydration,split"][..]].concat();
    for (label, scope) in [
        ("native", &["--workspace"][..]),
        ("wasm32", &wasm32[..]),
        ("wasm32 public pages", &public[..]),
        ("wasm32 browser build", &browser[..]),
    ] {
        let clippy = run(
            &format!("linting {label} code (cargo clippy)"),
            command(root, "cargo").arg("clippy").args(scope).args([
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]),
        );
        report.step(&format!("cargo clippy ({label})"), clippy);
    }

    let native = counted(
        &mut report,
        "native tests (cargo test)",
        command(root, "cargo").args(["test", "--workspace"]),
    );
    report.step("native tests", native);

    // One temporary cluster for the API tests and the kill -9 check on PostgreSQL.
    let cluster = postgres::TempPostgres::start();
    let postgres = cluster.as_ref().map_err(Clone::clone).and_then(|pg| {
        counted(
            &mut report,
            "API tests on PostgreSQL",
            command(root, "cargo")
                .args(["test", "--workspace", "--test", "api"])
                .env("MOTLAN_TEST_POSTGRES", &pg.url),
        )
    });
    report.step("API tests on PostgreSQL", postgres);

    let mut wasm = command(root, "cargo");
    wasm.args([
        "test",
        "--package",
        "motlan-web",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .env("CHROMEDRIVER", CHROMEDRIVER)
    .env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    let wasm = counted(
        &mut report,
        "WebAssembly tests in headless Chromium",
        &mut wasm,
    );
    report.step("wasm tests", wasm);

    let e2e = build_web(root)
        .and_then(|()| {
            run(
                "building the server",
                command(root, "cargo").args(NATIVE_BUILD),
            )
        })
        .and_then(|()| end_to_end(root, &mut report));
    report.step("end-to-end tests", e2e);
    let schemathesis = schemathesis(root, &mut report);
    report.step("schemathesis", schemathesis);

    let on_sqlite = durability(root, &mut report, DURABILITY_ROUNDS, None);
    report.step("kill -9 durability on SQLite", on_sqlite);
    let on_postgres = cluster
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|pg| durability(root, &mut report, DURABILITY_ROUNDS_POSTGRES, Some(&pg.url)));
    report.step("kill -9 durability on PostgreSQL", on_postgres);
    let two = cluster
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|pg| two_instances(root, &mut report, &pg.url));
    report.step("two servers on one PostgreSQL", two);
    drop(cluster);

    let minutes = started.elapsed().as_secs_f64() / 60.0;
    println!();
    if report.failures.is_empty() {
        println!("xtask: all checks passed in {minutes:.1} min");
    } else {
        println!("xtask: failed steps: {}", report.failures.join(", "));
    }
    println!("tests: {} passed, {} failed", report.passed, report.failed);
    if report.failures.is_empty() && report.failed == 0 {
        Ok(())
    } else {
        Err("some checks failed (see above)".to_owned())
    }
}

/// Rounds of the kill -9 check in every test run (`cargo xtask soak` runs many more).
const DURABILITY_ROUNDS: usize = 3;
const DURABILITY_ROUNDS_POSTGRES: usize = 2;

/// The kill -9 check (`motlan-bench --durability`) on the debug server binary, on SQLite or on
/// the PostgreSQL server at `postgres` (an admin URL).
fn durability(root: &Path, report: &mut Report, rounds: usize, postgres: Option<&str>) -> Result {
    run(
        "building the server and the durability check",
        command(root, "cargo").args(NATIVE_BUILD),
    )?;
    let target = crate::cmd::target_dir(root);
    let mut check = command(root, target.join("debug/motlan-bench"));
    check
        .arg("--durability")
        .arg(rounds.to_string())
        .arg(server_binary(root))
        .args(postgres);
    let backend = if postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    counted(
        report,
        &format!("kill -9 durability: {rounds} rounds on {backend}"),
        &mut check,
    )
}

/// Two server processes on one PostgreSQL, requests alternating (`motlan-bench --two-instances`).
fn two_instances(root: &Path, report: &mut Report, postgres: &str) -> Result {
    let target = crate::cmd::target_dir(root);
    let mut check = command(root, target.join("debug/motlan-bench"));
    check
        .arg("--two-instances")
        .arg(server_binary(root))
        .arg(postgres);
    counted(report, "two servers on one PostgreSQL", &mut check)
}

/// `cargo xtask soak [ROUNDS]`: the kill -9 check many times (default 20).
pub fn soak(root: &Path, rounds: Option<&str>) -> Result {
    setup::setup(root, Needs::Build)?;
    let rounds = rounds
        .map_or(Ok(20), str::parse)
        .map_err(|e| format!("rounds: {e}"))?;
    let mut report = Report::default();
    durability(root, &mut report, rounds, None)
}

/// Runs a test command, echoing its standard output and adding up the tests it reports.
fn counted(report: &mut Report, what: &str, command: &mut Command) -> Result {
    println!("xtask: {what}");
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{what}: cannot start: {e}"))?;
    let stdout = child.stdout.take().expect("piped");
    let (mut passed, mut failed) = (0, 0);
    for line in BufReader::new(stdout)
        .lines()
        .map_while(std::io::Result::ok)
    {
        println!("{line}");
        if let Some((p, f)) = parse_counts(&line) {
            passed += p;
            failed += f;
        }
    }
    let status = child.wait().map_err(|e| format!("{what}: {e}"))?;
    report.passed += passed;
    report.failed += failed;
    println!("xtask: {what}: {passed} passed, {failed} failed");
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Reads a test runner's count line: cargo's and wasm-bindgen's `test result: ok. 3 passed; 0
/// failed; …`, or node's `ℹ pass 3` / `ℹ fail 0` (spec reporter) and `# pass 3` (TAP).
fn parse_counts(line: &str) -> Option<(u64, u64)> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("test result: ") {
        let number_before = |word: &str| {
            rest.split(';').find_map(|part| {
                part.trim()
                    .strip_suffix(word)?
                    .trim()
                    .rsplit(' ')
                    .next()?
                    .parse()
                    .ok()
            })
        };
        return Some((number_before("passed")?, number_before("failed")?));
    }
    // The plain `N passed, N failed` line (the durability check prints one).
    if let Some((passed, failed)) = line
        .split_once(": ")
        .map_or(line, |(_, rest)| rest)
        .split_once(" passed, ")
        && let (Ok(passed), Some(Ok(failed))) = (
            passed.trim().parse::<u64>(),
            failed.strip_suffix(" failed").map(str::parse::<u64>),
        )
    {
        return Some((passed, failed));
    }
    let rest = line
        .strip_prefix("ℹ ")
        .or_else(|| line.strip_prefix("# "))?;
    let (word, number) = rest.split_once(' ')?;
    let number: u64 = number.trim().parse().ok()?;
    match word {
        "pass" => Some((number, 0)),
        "fail" => Some((0, number)),
        _ => None,
    }
}

/// Starts the server on a free loopback port with a fresh database, runs the Playwright tests
/// against it, then stops it with SIGTERM and checks that it shut down cleanly.
fn end_to_end(root: &Path, report: &mut Report) -> Result {
    let mut server = TestServer::start(root)?;
    println!("xtask: server for end-to-end tests at {}", server.url);
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/e2e"))
        .map_err(|e| format!("tests/e2e: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    let mut node = command(root, "node");
    node.args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
        .args(&files)
        .env("MOTLAN_BASE_URL", &server.url)
        .env("MOTLAN_OFFICER_TOKEN", &server.officer_token)
        // The OpenID test starts its own server, configured with the provider it starts.
        .env("MOTLAN_SERVER_BIN", server_binary(root))
        .env("CHROMIUM_PATH", CHROMIUM)
        .env("MOTLAN_ARTEFACTS", root.join("test-results"));
    let result = counted(
        report,
        "end-to-end tests in headless Chromium (Playwright)",
        &mut node,
    );
    result.and(server.stop())
}

/// Schemathesis (`--checks all`, fixed seed, `tests/schemathesis/schemathesis.toml`) against a
/// fresh test server without rate limits: anonymous, then signed in as a consenting citizen.
fn schemathesis(root: &Path, report: &mut Report) -> Result {
    let mut server = TestServer::start_with(
        root,
        &[
            "--rate-limit-per-address",
            "100000000",
            "--rate-limit-per-account",
            "100000000",
        ],
    )?;
    let mut outcome = Ok(());
    for (what, token) in [
        ("without a token", None),
        ("as a signed-in citizen", Some("--token")),
    ] {
        let step = run(
            &format!("schemathesis {what}"),
            command(root, "python3")
                .arg(root.join("tests/schemathesis/run.py"))
                .arg(&server.url)
                .args(token)
                .args(["--checks", "all", "--seed", "1"])
                .env("PYTHONPATH", root.join(crate::setup::SCHEMATHESIS_DIR)),
        );
        match step {
            Ok(()) => report.passed += 1,
            Err(e) => {
                report.failed += 1;
                outcome = Err(e);
            }
        }
    }
    outcome.and(server.stop())
}

#[cfg(test)]
mod tests {
    use super::parse_counts;

    #[test]
    fn reads_cargo_and_wasm_bindgen_count_lines() {
        let ok = "test result: ok. 21 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.02s";
        assert_eq!(parse_counts(ok), Some((21, 0)));
        let failed =
            "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out";
        assert_eq!(parse_counts(failed), Some((3, 2)));
    }

    #[test]
    fn reads_node_count_lines() {
        assert_eq!(parse_counts("ℹ pass 4"), Some((4, 0)));
        assert_eq!(parse_counts("ℹ fail 1"), Some((0, 1)));
        assert_eq!(parse_counts("# pass 2"), Some((2, 0)));
        assert_eq!(parse_counts("ℹ tests 4"), None);
        assert_eq!(parse_counts("ℹ duration_ms 12.5"), None);
    }

    #[test]
    fn ignores_other_output() {
        assert_eq!(parse_counts("running 3 tests"), None);
        assert_eq!(parse_counts("test search::tests::x ... ok"), None);
        assert_eq!(
            parse_counts("durability round 1: 12 acknowledged, 0 lost, 0 duplicated"),
            None
        );
    }

    #[test]
    fn reads_the_plain_count_line() {
        assert_eq!(parse_counts("durability: 3 passed, 0 failed"), Some((3, 0)));
        assert_eq!(parse_counts("2 passed, 1 failed"), Some((2, 1)));
    }
}
