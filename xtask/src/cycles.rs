//! `cargo xtask cycles`: finds import cycles between the modules of each crate.
//!
//! A crate's modules form a tree. Two modules with the same parent are siblings; a reference
//! from anywhere inside sibling A to anywhere inside sibling B (`crate::b::…`, `super::b::…`, or a
//! name the parent re-exports from B) is an edge A → B. A parent and its own children may refer
//! to each other (a folder module re-exports its children, which use its types): those are not
//! edges. A cycle among siblings at any level is reported with the files that make each edge.
//! Test modules (`#[cfg(test)] mod …`) are left out: only shipped code must be acyclic.
//!
//! The parser reads Rust source as text with the standard library only, which is enough for
//! this codebase's `mod` and `use` conventions; it is not a Rust parser.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates checked, by the folder holding `lib.rs` or `main.rs`.
pub const CRATES: &[&str] = &[
    "src",
    "crates/core/src",
    "crates/server/src",
    "crates/audit/src",
    "crates/bench/src",
    "xtask/src",
];

type ModPath = Vec<String>;

struct Module {
    file: PathBuf,
    /// The file's text without comments and test modules.
    text: String,
}

/// Every cycle found in every crate, as readable lines; empty when there is none.
pub fn find(root: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    for dir in CRATES {
        let dir = root.join(dir);
        let entry = ["lib.rs", "main.rs"]
            .iter()
            .map(|f| dir.join(f))
            .find(|f| f.exists())
            .ok_or_else(|| format!("{}: no lib.rs or main.rs", dir.display()))?;
        let mut modules = BTreeMap::new();
        load(&entry, &dir, Vec::new(), &mut modules)?;
        found.extend(cycles_in(&modules, root));
    }
    Ok(found)
}

pub fn cycles(root: &Path) -> Result<(), String> {
    let found = find(root)?;
    if found.is_empty() {
        println!(
            "no import cycles between the modules of {} crates",
            CRATES.len()
        );
        Ok(())
    } else {
        for line in &found {
            println!("{line}");
        }
        Err(format!("{} import cycle(s)", found.len()))
    }
}

fn load(
    file: &Path,
    dir: &Path,
    path: ModPath,
    modules: &mut BTreeMap<ModPath, Module>,
) -> Result<(), String> {
    let raw = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let text = strip(&raw);
    // Children of `foo.rs` live in `foo/`, children of `mod.rs`, `lib.rs`, `main.rs` beside it.
    let child_dir = match file.file_stem().and_then(|s| s.to_str()) {
        Some("mod" | "lib" | "main") => dir.to_path_buf(),
        Some(stem) => dir.join(stem),
        None => dir.to_path_buf(),
    };
    for name in declared_modules(&text) {
        let candidates = [
            child_dir.join(format!("{name}.rs")),
            child_dir.join(&name).join("mod.rs"),
        ];
        if let Some(child) = candidates.iter().find(|c| c.exists()) {
            let mut child_path = path.clone();
            child_path.push(name.clone());
            let next_dir = child.parent().unwrap_or(&child_dir).to_path_buf();
            load(child, &next_dir, child_path, modules)?;
        }
    }
    modules.insert(
        path,
        Module {
            file: file.to_path_buf(),
            text,
        },
    );
    Ok(())
}

/// Drops line comments and `#[cfg(test)]` modules (from the attribute to the end of the file,
/// where this codebase keeps them).
fn strip(raw: &str) -> String {
    let lines: Vec<&str> = raw.lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") || trimmed.starts_with("#[cfg(all(test") {
            let next = lines[i + 1..]
                .iter()
                .map(|l| l.trim_start())
                .find(|l| !l.is_empty());
            // A test module written in place runs to the end of the file here; a `mod name;`
            // test file is skipped by `declared_modules`.
            if next.is_some_and(|l| l.starts_with("mod ") && l.ends_with('{')) {
                break;
            }
        }
        let code = match trimmed.find("//") {
            Some(0) => "",
            _ => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

fn declared_modules(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut test_attribute = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with("#[cfg(test)]") || line.starts_with("#[cfg(all(test") {
            test_attribute = true;
            continue;
        }
        let rest = line
            .strip_prefix("pub(crate) ")
            .or_else(|| line.strip_prefix("pub(super) "))
            .or_else(|| line.strip_prefix("pub "))
            .unwrap_or(line);
        if let (Some(name), false) = (
            rest.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')),
            test_attribute,
        ) {
            names.push(name.trim().to_owned());
        }
        if !line.starts_with("#[") {
            test_attribute = false;
        }
    }
    names
}

/// Paths the text refers to, each as segments from the crate root.
fn references(text: &str, here: &ModPath) -> Vec<ModPath> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(start) {
            let begin = from + at;
            from = begin + start.len();
            // Not part of a longer identifier (`motlan_crate::`, `my_super::`).
            if begin > 0 && (bytes[begin - 1].is_ascii_alphanumeric() || bytes[begin - 1] == b'_') {
                continue;
            }
            let mut base: ModPath = if start == "crate::" {
                Vec::new()
            } else {
                // `super` of a folder's `mod.rs` is the folder's parent, as for any module.
                let mut p = here.clone();
                p.pop();
                p
            };
            let mut rest = &text[from..];
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            for tail in expand(rest) {
                let mut path = base.clone();
                path.extend(tail);
                found.push(path);
            }
        }
    }
    found
}

/// `a::b::{c, d::e}` → [[a, b, c], [a, b, d, e]]; stops at the first character that cannot
/// continue a path.
fn expand(rest: &str) -> Vec<ModPath> {
    let mut segments = Vec::new();
    let mut s = rest;
    loop {
        let ident: String = s
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if ident.is_empty() {
            if let Some(group) = s.strip_prefix('{') {
                let end = matching_brace(group);
                let mut out = Vec::new();
                for part in split_top(&group[..end]) {
                    for tail in expand(part.trim()) {
                        let mut p = segments.clone();
                        p.extend(tail);
                        out.push(p);
                    }
                }
                return out;
            }
            return vec![segments];
        }
        s = &s[ident.len()..];
        segments.push(ident);
        match s.strip_prefix("::") {
            Some(r) => s = r,
            None => return vec![segments],
        }
    }
}

fn matching_brace(s: &str) -> usize {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    s.len()
}

fn split_top(s: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut last) = (Vec::new(), 0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[last..i]);
                last = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[last..]);
    parts
}

/// The module a reference lands in: the longest prefix naming a module, following the
/// re-exports (`pub use child::Name`) of the module it stops at.
fn resolve(path: &ModPath, modules: &BTreeMap<ModPath, Module>) -> Option<ModPath> {
    let mut best: ModPath = Vec::new();
    for n in 1..=path.len() {
        if modules.contains_key(&path[..n]) {
            best = path[..n].to_vec();
        } else {
            break;
        }
    }
    // A name the module re-exports from one of its children.
    if let (Some(name), Some(module)) = (path.get(best.len()), modules.get(&best)) {
        for line in module.text.lines().map(str::trim) {
            let Some(used) = line
                .strip_prefix("pub use ")
                .or_else(|| line.strip_prefix("pub(crate) use "))
            else {
                continue;
            };
            for target in expand(used.trim_end_matches(';')) {
                if target.last() == Some(name) && target.len() > 1 {
                    let mut child = best.clone();
                    child.push(target[0].clone());
                    if modules.contains_key(&child) {
                        return Some(child);
                    }
                }
            }
        }
    }
    Some(best)
}

fn cycles_in(modules: &BTreeMap<ModPath, Module>, root: &Path) -> Vec<String> {
    // Sibling edges per parent: parent → (from child → to child → files making the edge).
    type Edges = BTreeMap<String, BTreeMap<String, BTreeSet<PathBuf>>>;
    let mut by_parent: BTreeMap<ModPath, Edges> = BTreeMap::new();
    for (here, module) in modules {
        for reference in references(&module.text, here) {
            let Some(target) = resolve(&reference, modules) else {
                continue;
            };
            let common = here.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common == here.len() || common == target.len() {
                continue; // the same module, or a parent and its descendant
            }
            by_parent
                .entry(here[..common].to_vec())
                .or_default()
                .entry(here[common].clone())
                .or_default()
                .entry(target[common].clone())
                .or_default()
                .insert(module.file.clone());
        }
    }
    let mut found = Vec::new();
    for (parent, edges) in &by_parent {
        for component in strongly_connected(edges) {
            let place = root
                .join(
                    modules
                        .get(parent)
                        .map_or(Path::new(""), |m| m.file.as_path()),
                )
                .display()
                .to_string();
            let mut line = format!("cycle among {} (in {place}):", component.join(", "));
            for from in &component {
                for (to, files) in edges.get(from).into_iter().flatten() {
                    if component.contains(to) {
                        let files: Vec<String> = files
                            .iter()
                            .map(|f| f.strip_prefix(root).unwrap_or(f).display().to_string())
                            .collect();
                        line.push_str(&format!("\n  {from} -> {to} ({})", files.join(", ")));
                    }
                }
            }
            found.push(line);
        }
    }
    found
}

/// Groups of two or more nodes that reach each other (Kosaraju).
fn strongly_connected(
    edges: &BTreeMap<String, BTreeMap<String, BTreeSet<PathBuf>>>,
) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = edges
        .iter()
        .flat_map(|(from, tos)| std::iter::once(from).chain(tos.keys()))
        .collect();
    let reach = |start: &String, forward: bool| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(n) = stack.pop() {
            if !seen.insert(n.clone()) {
                continue;
            }
            for (from, tos) in edges {
                for to in tos.keys() {
                    if forward && *from == n {
                        stack.push(to.clone());
                    } else if !forward && *to == n {
                        stack.push(from.clone());
                    }
                }
            }
        }
        seen
    };
    let mut done = BTreeSet::new();
    let mut groups = Vec::new();
    for node in nodes {
        if done.contains(node) {
            continue;
        }
        let group: Vec<String> = reach(node, true)
            .intersection(&reach(node, false))
            .cloned()
            .collect();
        done.extend(group.iter().cloned());
        if group.len() > 1 {
            groups.push(group);
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_imports_expand_to_each_path() {
        assert_eq!(
            expand("a::{b, c::{d, e}};"),
            vec![
                vec!["a".to_owned(), "b".to_owned()],
                vec!["a".to_owned(), "c".to_owned(), "d".to_owned()],
                vec!["a".to_owned(), "c".to_owned(), "e".to_owned()],
            ]
        );
    }

    #[test]
    fn the_workspace_has_no_import_cycles() {
        let root = crate::workspace_root();
        let found = find(&root).expect("every crate's modules load");
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
