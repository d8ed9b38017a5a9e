//! Embeds every `catalog/*.toml` file so the server ships its procedure catalog in the binary.
//! Adding a procedure is adding a file; nothing else needs editing.

use std::fmt::Write as _;
use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=catalog");
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("catalog");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("crates/core/catalog exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut code = String::from("pub(crate) static FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 file name");
        writeln!(code, "    ({name:?}, include_str!({:?})),", path.display()).expect("write");
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("catalog_files.rs");
    fs::write(out, code).expect("write catalog index");
}
