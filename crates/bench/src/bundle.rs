//! The first-load transfer size of the web app's release build: every file `index.html` loads
//! (the page, the JS glue, the WebAssembly, the stylesheet), gzip-compressed at the level the
//! server's compression layer uses by default, against the 250 KB budget.

use std::io::Write as _;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

const BUDGET: usize = 250 * 1024;

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).expect("in memory");
    encoder.finish().expect("in memory").len()
}

/// Prints the sizes; `dist` is Trunk's output folder.
pub fn report(dist: &Path) {
    let Ok(entries) = std::fs::read_dir(dist) else {
        println!(
            "\nfirst load: no {} folder; build the app first (cargo xtask bench does)",
            dist.display()
        );
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|ext| ext == "html" || ext == "js" || ext == "wasm" || ext == "css")
        })
        // The service worker is fetched after the page runs, to work offline next time.
        .filter(|p| !p.ends_with("sw.js"))
        .collect();
    files.sort();
    println!(
        "\nfirst load: release build in {}, gzip (default level)",
        dist.display()
    );
    println!("  {:<44} {:>10} {:>10}", "file", "bytes", "gzip");
    let mut total = 0;
    let mut total_br = 0;
    for file in files {
        let bytes = std::fs::read(&file).expect("readable build output");
        let compressed = gzip(&bytes);
        total += compressed;
        total_br += brotli_size(&file).unwrap_or(compressed as u64);
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("  {name:<44} {:>10} {compressed:>10}", bytes.len());
    }
    // Snippets the JS glue imports at start belong to the first load too.
    for file in files_under(&dist.join("snippets")) {
        let bytes = std::fs::read(&file).expect("readable build output");
        let compressed = gzip(&bytes);
        total += compressed;
        total_br += brotli_size(&file).unwrap_or(compressed as u64);
        println!(
            "  {:<44} {:>10} {compressed:>10}",
            "snippets/…/".to_owned() + &name_of(&file),
            bytes.len()
        );
    }
    println!(
        "  total: {total} bytes ({:.1} KiB) of a {} KiB budget{}",
        total as f64 / 1024.0,
        BUDGET / 1024,
        if total > BUDGET { ": OVER BUDGET" } else { "" }
    );
    println!(
        "  as sent to a browser that accepts Brotli (precompressed by cargo xtask build): {total_br} bytes ({:.1} KiB)",
        total_br as f64 / 1024.0
    );
    if let Ok(bytes) = std::fs::read(dist.join("sw.js")) {
        println!(
            "after the page runs: sw.js {} bytes, {} gzip (the offline shell)",
            bytes.len(),
            gzip(&bytes)
        );
    }
    // The filing journey is loaded only when a citizen opens it.
    let journeys = std::fs::read_dir(dist)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| name_of(p).starts_with("journey-"));
    for folder in journeys {
        let mut on_demand = 0;
        let mut on_demand_br = 0;
        println!("on demand, when a filing starts: {}", name_of(&folder));
        for file in files_under(&folder) {
            let bytes = std::fs::read(&file).expect("readable build output");
            let compressed = gzip(&bytes);
            on_demand += compressed;
            on_demand_br += brotli_size(&file).unwrap_or(compressed as u64);
            println!(
                "  {:<44} {:>10} {compressed:>10}",
                name_of(&file),
                bytes.len()
            );
        }
        println!(
            "  total: {on_demand} bytes ({:.1} KiB) gzip, {on_demand_br} bytes ({:.1} KiB) Brotli",
            on_demand as f64 / 1024.0,
            on_demand_br as f64 / 1024.0
        );
    }
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
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
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
