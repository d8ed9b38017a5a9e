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
        .collect();
    files.sort();
    println!(
        "\nfirst load: release build in {}, gzip (default level)",
        dist.display()
    );
    println!("  {:<44} {:>10} {:>10}", "file", "bytes", "gzip");
    let mut total = 0;
    for file in files {
        let bytes = std::fs::read(&file).expect("readable build output");
        let compressed = gzip(&bytes);
        total += compressed;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("  {name:<44} {:>10} {compressed:>10}", bytes.len());
    }
    println!(
        "  total: {total} bytes ({:.1} KiB) of a {} KiB budget{}",
        total as f64 / 1024.0,
        BUDGET / 1024,
        if total > BUDGET { ": OVER BUDGET" } else { "" }
    );
}
