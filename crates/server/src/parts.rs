//! The build's list of the web app's parts loaded on demand (`dist/.parts.json`, written by
//! `cargo xtask build`): the app's folder and, for each part, the files it needs (its own and the
//! chunks it shares). The server prefetches a filing's files from it; the bench sizes each part.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// The file the build writes beside `index.html`.
pub const FILE: &str = ".parts.json";

#[derive(Debug, Clone, Deserialize)]
pub struct Parts {
    /// The app's folder under the static folder (`app-<hash>`).
    pub app: String,
    /// Each part's files, by name without `.wasm`.
    pub parts: BTreeMap<String, Vec<String>>,
}

/// A name a page may carry: letters, digits, `-` and `_` only.
fn plain(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Parts {
    /// The list in `static_dir`, without any name that is not plain (names go into pages as
    /// addresses); `None` without one or when the folder's name is not plain.
    pub fn read(static_dir: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(static_dir.join(FILE)).ok()?;
        let mut parts: Self = serde_json::from_str(&text).ok()?;
        for files in parts.parts.values_mut() {
            files.retain(|name| plain(name));
        }
        plain(&parts.app).then_some(parts)
    }

    /// The addresses of the files the named parts need, each once, sorted.
    pub fn addresses(&self, names: &[&str]) -> Vec<String> {
        let mut files: Vec<String> = names
            .iter()
            .filter_map(|name| self.parts.get(*name))
            .flatten()
            .map(|stem| format!("/{}/{stem}.wasm", self.app))
            .collect();
        files.sort();
        files.dedup();
        files
    }
}
