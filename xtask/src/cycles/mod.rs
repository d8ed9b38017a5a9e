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

mod parse;

use parse::{declared_modules, expand, references, strip};

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
