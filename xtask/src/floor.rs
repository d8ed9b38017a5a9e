//! The first bundle's reference: `crates/floor`, the smallest app on the web app's stack (Yew
//! with its router and hydration, serde_json, gloo-net), built as the app is (profile
//! `wasm-release`, wasm-bindgen, `wasm-opt -Oz`, no split: it has no parts) into
//! `target/floor/dist`, which `motlan-bench --floor` measures beside the app.

use std::path::{Path, PathBuf};

use crate::cmd::{Result, run, target_dir};

/// Builds the floor app; the folder with its JavaScript glue and WebAssembly.
pub fn build_floor(root: &Path) -> Result<PathBuf> {
    let target = target_dir(root).join("floor");
    run(
        "building the stack's floor (crates/floor: WebAssembly, release)",
        &mut crate::web::wasm_release(root, "motlan-floor", &target),
    )?;
    let out = target.join("dist");
    let _ = std::fs::remove_dir_all(&out);
    run(
        "binding the stack's floor (wasm-bindgen)",
        crate::web::wasm_bindgen(root, &out)
            .arg(target.join("wasm32-unknown-unknown/wasm-release/motlan_floor.wasm")),
    )?;
    crate::web::optimise(root, &out)?;
    Ok(out)
}
