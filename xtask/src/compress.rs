//! Brotli and gzip copies of the built web app (`file.br`, `file.gz` beside each file), made once
//! at build time at the highest levels, so the server sends the smaller one a browser accepts
//! without compressing anything per request.

use std::io::Write as _;
use std::path::Path;

use crate::cmd::Result;

const EXTENSIONS: [&str; 5] = ["html", "js", "wasm", "css", "svg"];

/// Compresses every file of `dir` (and below) that is worth it; answers the totals.
pub fn precompress(dir: &Path) -> Result<(u64, u64, u64)> {
    let mut totals = (0, 0, 0);
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            let (raw, gz, br) = precompress(&path)?;
            totals = (totals.0 + raw, totals.1 + gz, totals.2 + br);
            continue;
        }
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e));
        if !wanted {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gz = gzip(&bytes)?;
        let br = brotli(&bytes)?;
        for (suffix, data) in [("gz", &gz), ("br", &br)] {
            let mut name = path.clone().into_os_string();
            name.push(".");
            name.push(suffix);
            std::fs::write(&name, data).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        totals = (
            totals.0 + bytes.len() as u64,
            totals.1 + gz.len() as u64,
            totals.2 + br.len() as u64,
        );
    }
    Ok(totals)
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut std::io::Cursor::new(bytes), &mut out, &params)
        .map_err(|e| e.to_string())?;
    Ok(out)
}
