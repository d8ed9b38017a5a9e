//! Writes `dist/sw.js`: the service worker (template `xtask/assets/sw.js`) with this build's
//! first-load files, so the app shell opens offline after one visit. The parts loaded on demand
//! (`split_*.wasm` and the `chunk_*.wasm` they share) and the precompressed copies are left out:
//! the shell is what a citizen needs to see offline.

use std::path::Path;

use crate::cmd::Result;

const TEMPLATE: &str = include_str!("../assets/sw.js");

/// The first-load files under `dist`, as absolute paths, sorted.
fn shell_files(dist: &Path) -> Result<Vec<String>> {
    // The bare shell: `/` is the home page rendered on the server; the shell renders any address.
    let mut files = vec!["/index.html".to_owned()];
    for path in crate::cmd::files_under(dist)? {
        let relative = path.strip_prefix(dist).map_err(|e| e.to_string())?;
        let hidden = relative
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        let name = relative
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let on_demand =
            name.ends_with(".wasm") && (name.starts_with("split_") || name.starts_with("chunk_"));
        let skipped = hidden
            || on_demand
            || name.ends_with(".gz")
            || name.ends_with(".br")
            || name == "sw.js"
            || name == "index.html";
        if !skipped {
            files.push(format!(
                "/{}",
                relative.to_string_lossy().replace('\\', "/")
            ));
        }
    }
    files.sort();
    Ok(files)
}

pub fn write(dist: &Path) -> Result {
    let files = shell_files(dist)?;
    let quoted: Vec<String> = files
        .iter()
        .map(|f| format!("\"{}\"", f.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    let list = format!("[{}]", quoted.join(", "));
    let build = {
        use std::hash::{Hash as _, Hasher as _};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        files.hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    };
    let script = TEMPLATE
        .replace("__BUILD__", &build)
        .replace("__FILES__", &list);
    std::fs::write(dist.join("sw.js"), script).map_err(|e| format!("dist/sw.js: {e}"))?;
    println!(
        "xtask: service worker dist/sw.js: {} shell files, build {build}",
        files.len()
    );
    Ok(())
}
