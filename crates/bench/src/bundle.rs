//! The transfer sizes of the web app's release build (`cargo xtask build`), gzip-compressed at
//! the level the server's compression layer uses by default, and as Brotli (the copies the build
//! makes): the first load (every file `index.html` loads: the page, the stylesheet, the app's
//! JavaScript glue and WebAssembly), the app's first bundle within it (target 150 KB), and each
//! part loaded on demand with the chunks it shares (the filing journey's target: 200 KB).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;

const FIRST_BUNDLE_TARGET: usize = 150 * 1000;
const FILING_TARGET: usize = 200 * 1000;

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).expect("in memory");
    encoder.finish().expect("in memory").len()
}

/// A part loaded on demand (`split_*.wasm`) or a chunk parts share (`chunk_*.wasm`).
fn on_demand(path: &Path) -> bool {
    let name = name_of(path);
    name.ends_with(".wasm") && (name.starts_with("split_") || name.starts_with("chunk_"))
}

/// Prints the files and their sums: gzip and Brotli.
fn table(files: &[PathBuf], dist: &Path) -> (usize, u64) {
    let (mut gz, mut br) = (0, 0);
    for file in files {
        let bytes = std::fs::read(file).expect("readable build output");
        let compressed = gzip(&bytes);
        gz += compressed;
        br += brotli_size(file).unwrap_or(compressed as u64);
        let shown = file.strip_prefix(dist).unwrap_or(file).to_string_lossy();
        println!("  {shown:<58} {:>9} {compressed:>9}", bytes.len());
    }
    (gz, br)
}

fn verdict(size: usize, target: usize) -> &'static str {
    if size <= target { "within" } else { "OVER" }
}

/// Prints the sizes; `dist` is `cargo xtask build`'s output folder, `floor` the smallest app on
/// the same stack (`crates/floor`, built by `cargo xtask bench`).
pub fn report(dist: &Path, floor: Option<&Path>) {
    if !dist.join("index.html").exists() {
        println!(
            "\nfirst load: no {}/index.html; build the app first (cargo xtask bench does)",
            dist.display()
        );
        return;
    }
    let first: Vec<PathBuf> = files_under(dist)
        .into_iter()
        .filter(|p| !on_demand(p))
        .filter(|p| {
            let name = name_of(p);
            // The service worker is fetched after the page runs, to work offline next time.
            !name.starts_with('.') && name != "sw.js"
        })
        .collect();
    println!(
        "\nfirst load: release build in {}, gzip (default level)",
        dist.display()
    );
    println!("  {:<58} {:>9} {:>9}", "file", "bytes", "gzip");
    let (total, total_br) = table(&first, dist);
    println!(
        "  total: {total} bytes ({:.1} KiB) gzip, {total_br} bytes ({:.1} KiB) Brotli",
        total as f64 / 1024.0,
        total_br as f64 / 1024.0
    );
    let bundle_gz = code_gzip(&first);
    println!(
        "  the app's first bundle (JavaScript and WebAssembly): {bundle_gz} bytes gzip, {} the 150 KB target",
        verdict(bundle_gz, FIRST_BUNDLE_TARGET)
    );
    if let Some(floor) = floor {
        stack_floor(floor, bundle_gz);
    }
    if let Ok(bytes) = std::fs::read(dist.join("sw.js")) {
        println!(
            "after the page runs: sw.js {} bytes, {} gzip (the offline shell)",
            bytes.len(),
            gzip(&bytes)
        );
    }
    parts(dist);
    // What an agency's page loads to embed a form (budget: 3 KB gzip).
    let script = motlan_server::embed_script().as_bytes();
    let compressed = gzip(script);
    println!(
        "embed script for agency pages: /embed.js {} bytes, {compressed} gzip (budget 3,072){}",
        script.len(),
        if compressed > 3072 {
            ": OVER BUDGET"
        } else {
            ""
        }
    );
}

/// The gzip size of the JavaScript and WebAssembly among `files`: what a bundle weighs.
fn code_gzip(files: &[PathBuf]) -> usize {
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "js" || e == "wasm"))
        .map(|f| gzip(&std::fs::read(f).expect("readable build output")))
        .sum()
}

/// The smallest app on the stack (`crates/floor`: one hydrated page with a router and a JSON
/// request), against the first bundle and its target.
fn stack_floor(floor: &Path, bundle_gz: usize) {
    let floor_gz = code_gzip(&files_under(floor));
    if floor_gz == 0 {
        println!("  the stack's floor: nothing built in {}", floor.display());
        return;
    }
    println!(
        "  the stack's floor (crates/floor: Yew with its router and hydration, serde_json, \
         gloo-net, one page): {floor_gz} bytes gzip; under 150 KB that leaves {} bytes for the \
         app's own first load, which takes {}",
        FIRST_BUNDLE_TARGET.saturating_sub(floor_gz),
        bundle_gz.saturating_sub(floor_gz)
    );
}

/// Each part loaded on demand, from the build's `.parts.json`: its own file and the chunks it
/// shares with other parts (each fetched once, whichever part comes first).
fn parts(dist: &Path) {
    let Some(manifest) = motlan_server::parts::Parts::read(dist) else {
        println!(
            "on demand: no {}/{}",
            dist.display(),
            motlan_server::parts::FILE
        );
        return;
    };
    for part in manifest.parts.keys() {
        let files: Vec<PathBuf> = manifest
            .addresses(&[part])
            .iter()
            .map(|address| dist.join(address.trim_start_matches('/')))
            .collect();
        println!("on demand, when a page of the part \"{part}\" first opens:");
        let (gz, br) = table(&files, dist);
        let target = if part == "filing" {
            format!(", {} the 200 KB target", verdict(gz, FILING_TARGET))
        } else {
            String::new()
        };
        println!(
            "  total: {gz} bytes ({:.1} KiB) gzip, {br} bytes ({:.1} KiB) Brotli{target}",
            gz as f64 / 1024.0,
            br as f64 / 1024.0
        );
    }
}

/// The `.gz` and `.br` copies `cargo xtask build` makes beside each file.
fn is_precompressed(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "gz" || e == "br")
}

/// The size of the Brotli copy beside `path`, if the build made one.
fn brotli_size(path: &Path) -> Option<u64> {
    let mut name = path.as_os_str().to_owned();
    name.push(".br");
    std::fs::metadata(name).ok().map(|m| m.len())
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every file under `dir`, sorted; none when it does not exist.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if !is_precompressed(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
