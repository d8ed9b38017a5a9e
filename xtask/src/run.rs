//! `cargo xtask run`: builds the web app (release, offline) and starts the server with it.

use std::path::Path;

use crate::cmd::{Result, command, run as run_step};
use crate::setup::{self, Needs};

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

/// Release build of the web app into `dist/`: the first-load bundle with Trunk (the public
/// pages), then the full app with the filing journey, loaded on demand, into
/// `dist/journey-<hash>/`, whose address goes into `index.html` as `data-journey`.
pub fn build_web(root: &Path) -> Result {
    run_step(
        "building the web app with Trunk (release)",
        command(root, "trunk").args(["build", "--release"]),
    )?;
    build_journey(root)?;
    crate::service_worker::write(&root.join("dist"))?;
    let (raw, gz, br) = crate::compress::precompress(&root.join("dist"))?;
    println!(
        "xtask: precompressed dist/: {raw} bytes, {gz} gzip, {br} Brotli (served by Accept-Encoding)"
    );
    Ok(())
}

fn build_journey(root: &Path) -> Result {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), std::path::PathBuf::from)
        .join("journey");
    run_step(
        "building the on-demand filing journey (release)",
        command(root, "cargo")
            .args([
                "build",
                "--quiet",
                "--profile",
                "wasm-release",
                "--target",
                "wasm32-unknown-unknown",
                "--package",
                "motlan-journey",
                "--target-dir",
            ])
            .arg(&target),
    )?;
    let staging = root.join("dist/.journey");
    let _ = std::fs::remove_dir_all(&staging);
    run_step(
        "binding the journey module (wasm-bindgen)",
        command(root, "wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "motlan-journey",
                "--out-dir",
            ])
            .arg(&staging)
            .arg(target.join("wasm32-unknown-unknown/wasm-release/motlan_journey.wasm")),
    )?;
    let wasm = staging.join("motlan-journey_bg.wasm");
    run_step(
        "optimising the journey module (wasm-opt -Oz)",
        command(root, "wasm-opt")
            .args([
                "-Oz",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm),
    )?;
    // The folder is named by the content, so a browser never keeps a stale module.
    let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let mut hasher = std::hash::DefaultHasher::new();
    std::hash::Hash::hash(&bytes, &mut hasher);
    let name = format!("journey-{:016x}", std::hash::Hasher::finish(&hasher));
    let folder = root.join("dist").join(&name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::rename(&staging, &folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let index = root.join("dist/index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let marker = "id=\"motlan\"";
    if !html.contains(marker) {
        return Err(format!("{}: no element with {marker}", index.display()));
    }
    let html = html.replacen(
        marker,
        &format!("{marker} data-journey=\"/{name}/motlan-journey.js\""),
        1,
    );
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}
