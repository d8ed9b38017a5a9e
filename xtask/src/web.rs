//! `cargo xtask build`: the web app into `dist/`. The app is one WebAssembly module
//! (`crates/app`), compiled with relocations kept so wasm-split can cut it at the entry points
//! of `src/split/`: the first load (the public pages and the shell) and one file per
//! part loaded on demand, plus the chunks parts share. Then wasm-bindgen writes the JavaScript
//! glue, wasm-opt shrinks every file, and the lot goes into a folder named by its content
//! (`dist/app-<hash>/`, cached for a year). The page (`index.html`, from the template of the same
//! name) and the stylesheet (`dist/style-<hash>.css`) are written beside it, then the service
//! worker and the Brotli and gzip copies.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::path::{Path, PathBuf};

use crate::cmd::{Result, command, run as run_step};

/// Where the template says the stylesheet and the app go.
const ASSETS_MARK: &str = "<!--motlan-assets-->";
/// The JavaScript glue's name, which the split parts import the running module from.
const GLUE: &str = "motlan";
/// Where a kiosk keeps its device token (`motlan_web`'s `state::kiosk::KEY`).
const KIOSK_KEY: &str = "motlan.kiosk";

pub fn build_web(root: &Path) -> Result {
    let dist = root.join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let module = compile(root)?;
    let staging = dist.join(".app");
    let parts = split(&module, &staging)?;
    bind(root, &staging)?;
    optimise(root, &staging)?;
    let app = format!("app-{}", hash_folder(&staging)?);
    std::fs::rename(&staging, dist.join(&app)).map_err(|e| format!("dist/{app}: {e}"))?;
    manifest(&dist, &app, &parts)?;
    let style = stylesheet(root, &dist)?;
    page(root, &dist, &app, &style)?;
    crate::service_worker::write(&dist)?;
    let (raw, gz, br) = crate::compress::precompress(&dist)?;
    println!(
        "xtask: precompressed dist/: {raw} bytes, {gz} gzip, {br} Brotli (served by Accept-Encoding)"
    );
    Ok(())
}

/// The release build of `crates/app`, in its own target folder (its flags differ from the other
/// builds'): `--emit-relocs` keeps what wasm-split needs to know which code each part reaches.
fn compile(root: &Path) -> Result<PathBuf> {
    let target = crate::cmd::target_dir(root).join("app");
    run_step(
        "building the web app (WebAssembly, release)",
        wasm_release(root, "motlan-app", &target).env("RUSTFLAGS", "-Clink-arg=--emit-relocs"),
    )?;
    Ok(target.join("wasm32-unknown-unknown/wasm-release/motlan_app.wasm"))
}

/// `cargo build` of `package` for the browser, with the size-optimised profile, into `target`.
pub fn wasm_release(root: &Path, package: &str, target: &Path) -> std::process::Command {
    let mut build = command(root, "cargo");
    build
        .args(["build", "--quiet", "--profile", "wasm-release"])
        .args(["--target", "wasm32-unknown-unknown", "--package", package])
        .arg("--target-dir")
        .arg(target);
    build
}

/// `wasm-bindgen` writing ES-module glue (no TypeScript) into `out`; the module follows.
pub fn wasm_bindgen(root: &Path, out: &Path) -> std::process::Command {
    let mut bind = command(root, "wasm-bindgen");
    bind.args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(out);
    bind
}

/// Cuts the module at its split points into `staging`: the first load (for wasm-bindgen), each
/// part (`split_<name>.wasm`), the chunks parts share, and `__wasm_split.js`, which fetches them.
/// Each part's files, by name without `.wasm`.
fn split(module: &Path, staging: &Path) -> Result<BTreeMap<String, Vec<String>>> {
    let input = std::fs::read(module).map_err(|e| format!("{}: {e}", module.display()))?;
    std::fs::create_dir_all(staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    let main = staging.join("main.wasm");
    let main_module = format!("./{GLUE}.js");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = staging;
    options.main_out_path = &main;
    options.main_module = &main_module;
    options.target.web();
    let split =
        wasm_split_cli_support::transform(options).map_err(|e| format!("wasm-split: {e:#}"))?;
    let parts: BTreeMap<String, Vec<String>> = split
        .prefetch_map
        .into_iter()
        .map(|(part, mut files)| {
            files.sort();
            (part, files)
        })
        .collect();
    println!(
        "xtask: split the app's module into the first load and {} parts: {}",
        parts.len(),
        parts.keys().cloned().collect::<Vec<_>>().join(", ")
    );
    Ok(parts)
}

/// `dist/.parts.json`: the app's folder and each part's files, for the server (which writes
/// prefetch links for a filing into procedure pages) and the bench's sizes. (A dot file: not in
/// the service worker's list.)
fn manifest(dist: &Path, app: &str, parts: &BTreeMap<String, Vec<String>>) -> Result {
    let json = serde_json::json!({ "app": app, "parts": parts }).to_string();
    let out = dist.join(".parts.json");
    std::fs::write(&out, json).map_err(|e| format!("{}: {e}", out.display()))
}

/// The JavaScript glue of the first load. `--keep-lld-exports` keeps the function table and
/// the shared globals the parts link against.
fn bind(root: &Path, staging: &Path) -> Result {
    let main = staging.join("main.wasm");
    run_step(
        "binding the app's first load (wasm-bindgen)",
        wasm_bindgen(root, staging)
            .args(["--keep-lld-exports", "--out-name", GLUE])
            .arg(&main),
    )?;
    std::fs::remove_file(&main).map_err(|e| format!("{}: {e}", main.display()))
}

/// `wasm-opt -Oz` on every module in `staging` (the app's first load and each part). wasm-split
/// writes a name subsection binaryen does not know, which it warns about for every part: that
/// warning alone is not repeated.
pub fn optimise(root: &Path, staging: &Path) -> Result {
    let mut modules: Vec<PathBuf> = std::fs::read_dir(staging)
        .map_err(|e| format!("{}: {e}", staging.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .collect();
    modules.sort();
    println!(
        "xtask: wasm-opt -Oz on {} (WebAssembly modules: {})",
        staging.display(),
        modules.len()
    );
    for module in modules {
        let output = command(root, "wasm-opt")
            .args([
                "-Oz",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .arg(&module)
            .arg("-o")
            .arg(&module)
            .output()
            .map_err(|e| format!("wasm-opt: {e}"))?;
        String::from_utf8_lossy(&output.stderr)
            .lines()
            .filter(|line| !line.contains("unknown name subsection"))
            .for_each(|line| eprintln!("{line}"));
        if !output.status.success() {
            return Err(format!("wasm-opt failed on {}", module.display()));
        }
    }
    Ok(())
}

fn hash_hex(hasher: &DefaultHasher) -> String {
    format!("{:016x}", hasher.finish())
}

/// The folder's name: its files' names and contents, so a browser never keeps a stale part.
fn hash_folder(dir: &Path) -> Result<String> {
    let mut hasher = DefaultHasher::new();
    for file in crate::cmd::files_under(dir)? {
        file.strip_prefix(dir).unwrap_or(&file).hash(&mut hasher);
        std::fs::read(&file)
            .map_err(|e| format!("{}: {e}", file.display()))?
            .hash(&mut hasher);
    }
    Ok(hash_hex(&hasher))
}

/// `static/style.css` as `dist/style-<hash>.css`; its address.
fn stylesheet(root: &Path, dist: &Path) -> Result<String> {
    let source = root.join("static/style.css");
    let css = std::fs::read(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let mut hasher = DefaultHasher::new();
    css.hash(&mut hasher);
    let name = format!("style-{}.css", hash_hex(&hasher));
    std::fs::write(dist.join(&name), css).map_err(|e| format!("dist/{name}: {e}"))?;
    Ok(format!("/{name}"))
}

/// `dist/index.html`: the template with the stylesheet and the app where it says
/// `<!--motlan-assets-->`. The module is fetched at once (`preload`) while its glue loads; once
/// it runs, `<html data-app="ready">` says so (what the tests and the bench wait for). The
/// fetches ahead are marked (`<!--motlan-app-->`) and the app is not started on a page marked
/// `<html data-lite>`, unless the device is a kiosk: the server sends a public page so to a
/// browser saving data, and a kiosk needs its guard on every page.
fn page(root: &Path, dist: &Path, app: &str, style: &str) -> Result {
    let source = root.join("index.html");
    let template =
        std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    if !template.contains(ASSETS_MARK) {
        return Err(format!("{}: no {ASSETS_MARK}", source.display()));
    }
    let glue = format!("/{app}/{GLUE}.js");
    let wasm = format!("/{app}/{GLUE}_bg.wasm");
    let assets = format!(
        "<link rel=\"stylesheet\" href=\"{style}\">\n    \
         <!--motlan-app--><link rel=\"modulepreload\" href=\"{glue}\">\n    \
         <link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\"><!--/motlan-app-->\n    \
         <script type=\"module\">const html = document.documentElement; \
         if (!html.hasAttribute('data-lite') || localStorage.getItem('{KIOSK_KEY}')) \
         import('{glue}').then((app) => app.default({{ module_or_path: '{wasm}' }})).then(() => html.dataset.app = 'ready');</script>"
    );
    let html = template.replacen(ASSETS_MARK, &assets, 1);
    let out = dist.join("index.html");
    std::fs::write(&out, html).map_err(|e| format!("{}: {e}", out.display()))
}
