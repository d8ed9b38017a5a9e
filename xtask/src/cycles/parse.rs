//! Reading Rust source as text: which modules a file declares and which paths it refers to.
//! Enough for this codebase's `mod` and `use` conventions; not a Rust parser.

use super::ModPath;

/// Drops line comments and `#[cfg(test)]` modules (from the attribute to the end of the file,
/// where this codebase keeps them).
pub(super) fn strip(raw: &str) -> String {
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

pub(super) fn declared_modules(text: &str) -> Vec<String> {
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
pub(super) fn references(text: &str, here: &ModPath) -> Vec<ModPath> {
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
pub(super) fn expand(rest: &str) -> Vec<ModPath> {
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

pub(super) fn matching_brace(s: &str) -> usize {
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

pub(super) fn split_top(s: &str) -> Vec<&str> {
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
