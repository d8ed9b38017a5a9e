//! The agencies allowed to embed a procedure's form on their own websites: each with its name,
//! the exact origins its pages are served from, and the procedures it may embed. Read from a
//! TOML file at start (`--agencies-file`); a bad file stops the server with a message naming the
//! line, so a typo never silently opens or closes framing.
//!
//! ```toml
//! [[agency]]
//! id = "ubnd-xa-demo"
//! name = "UBND xã Demo"
//! name_en = "Demo Commune People's Committee"   # optional
//! origins = ["https://xademo.gov.vn"]
//! procedures = ["1.001193", "1.004194"]          # or ["*"]: every procedure with an online form
//! ```

use std::collections::BTreeSet;
use std::path::Path;

use motlan_core::catalog::Catalog;
use motlan_core::{Localized, Procedure};
use serde::Deserialize;
use toml::Spanned;

/// One registered agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub id: String,
    pub name: Localized,
    /// Exact origins (`scheme://host[:port]`) its pages are served from.
    pub origins: Vec<String>,
    /// The procedure codes it may embed.
    pub procedures: BTreeSet<String>,
}

/// Every registered agency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agencies {
    agencies: Vec<Agency>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    agency: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    name_en: Option<String>,
    origins: Vec<Spanned<String>>,
    procedures: Vec<Spanned<String>>,
}

/// Whether an embedded form can be offered: the citizen can file it online here.
fn fileable(p: &Procedure) -> bool {
    !p.pages.is_empty()
}

/// `scheme://host[:port]` exactly: http or https, a host, no path, query, user or wildcard.
fn check_origin(origin: &str) -> Result<(), String> {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or("an origin starts with https:// (or http:// for a local test)")?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || rest.starts_with('[') => (host, Some(port)),
        _ => (rest, None),
    };
    if host.is_empty()
        || !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'))
    {
        return Err(
            "an origin is scheme://host[:port], without a path, a trailing slash or a wildcard"
                .into(),
        );
    }
    if let Some(port) = port {
        port.parse::<u16>()
            .map_err(|_| format!("{port:?} is not a port number"))?;
    }
    Ok(())
}

impl Agencies {
    /// Reads the registry at `path`; a missing file is an empty registry (no embedding).
    pub fn read(path: &Path, catalog: &Catalog) -> anyhow::Result<Self> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                Self::parse(&text, catalog).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                tracing::info!(file = %path.display(), "no agencies file: embedding is off");
                Ok(Self::default())
            }
            Err(e) => Err(anyhow::anyhow!("cannot read {}: {e}", path.display())),
        }
    }

    /// Parses a registry; an error starts with the line it concerns (`12: …`).
    pub fn parse(text: &str, catalog: &Catalog) -> Result<Self, String> {
        let line = |offset: usize| text[..offset.min(text.len())].lines().count().max(1);
        let file: File = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(1, |s| line(s.start + 1));
            format!("{at}: {}", e.message())
        })?;
        let mut agencies = Vec::new();
        let mut ids = BTreeSet::new();
        for entry in file.agency {
            let at = |s: &Spanned<String>| line(s.span().start + 1);
            let id = entry.id.get_ref();
            if id.trim().is_empty() || !ids.insert(id.clone()) {
                return Err(format!(
                    "{}: agency id {id:?} is empty or used twice",
                    at(&entry.id)
                ));
            }
            if entry.name.get_ref().trim().is_empty() {
                return Err(format!("{}: agency {id:?} needs a name", at(&entry.name)));
            }
            if entry.origins.is_empty() {
                return Err(format!("{}: agency {id:?} lists no origins", at(&entry.id)));
            }
            for origin in &entry.origins {
                check_origin(origin.get_ref())
                    .map_err(|e| format!("{}: {:?}: {e}", at(origin), origin.get_ref()))?;
            }
            let mut procedures = BTreeSet::new();
            for code in &entry.procedures {
                if code.get_ref() == "*" {
                    procedures.extend(
                        catalog
                            .procedures()
                            .iter()
                            .filter(|p| fileable(p))
                            .map(|p| p.code.to_string()),
                    );
                    continue;
                }
                match catalog.get(code.get_ref()) {
                    Some(p) if fileable(p) => {
                        procedures.insert(code.get_ref().clone());
                    }
                    Some(_) => {
                        return Err(format!(
                            "{}: procedure {} has no online form to embed",
                            at(code),
                            code.get_ref()
                        ));
                    }
                    None => {
                        return Err(format!(
                            "{}: procedure {} is not in the catalog",
                            at(code),
                            code.get_ref()
                        ));
                    }
                }
            }
            if procedures.is_empty() {
                return Err(format!(
                    "{}: agency {id:?} lists no procedures",
                    at(&entry.id)
                ));
            }
            let vi = entry.name.into_inner();
            agencies.push(Agency {
                id: id.clone(),
                name: Localized {
                    en: entry.name_en.unwrap_or_else(|| vi.clone()),
                    vi,
                },
                origins: entry.origins.into_iter().map(Spanned::into_inner).collect(),
                procedures,
            });
        }
        Ok(Self { agencies })
    }

    /// Every origin allowed to frame `procedure`, sorted: the page's `frame-ancestors`.
    pub fn origins_for(&self, procedure: &str) -> Vec<&str> {
        let origins: BTreeSet<&str> = self
            .agencies
            .iter()
            .filter(|a| a.procedures.contains(procedure))
            .flat_map(|a| a.origins.iter().map(String::as_str))
            .collect();
        origins.into_iter().collect()
    }

    /// The agency whose page at `origin` embeds `procedure`, if it is registered for it.
    pub fn embedding(&self, procedure: &str, origin: &str) -> Option<&Agency> {
        self.agencies
            .iter()
            .find(|a| a.procedures.contains(procedure) && a.origins.iter().any(|o| o == origin))
    }

    /// Origins of every agency: the state-changing requests the API accepts from a frame
    /// never come from these (the frame is our own origin), so none needs CORS.
    pub fn is_empty(&self) -> bool {
        self.agencies.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::embedded().unwrap()
    }

    #[test]
    fn a_registry_lists_origins_per_procedure() {
        let text = r#"
[[agency]]
id = "xa-a"
name = "UBND xã A"
origins = ["https://xa-a.gov.vn", "http://localhost:8081"]
procedures = ["1.001193"]

[[agency]]
id = "so-tp"
name = "Sở Tư pháp"
name_en = "Department of Justice"
origins = ["https://stp.gov.vn"]
procedures = ["*"]
"#;
        let agencies = Agencies::parse(text, &catalog()).unwrap();
        assert_eq!(
            agencies.origins_for("1.001193"),
            [
                "http://localhost:8081",
                "https://stp.gov.vn",
                "https://xa-a.gov.vn"
            ]
        );
        assert_eq!(agencies.origins_for("1.004194"), ["https://stp.gov.vn"]);
        assert_eq!(
            agencies
                .embedding("1.001193", "https://xa-a.gov.vn")
                .unwrap()
                .id,
            "xa-a"
        );
        assert!(
            agencies
                .embedding("1.004194", "https://xa-a.gov.vn")
                .is_none()
        );
        assert_eq!(
            agencies
                .embedding("1.004194", "https://stp.gov.vn")
                .unwrap()
                .name
                .en,
            "Department of Justice"
        );
    }

    #[test]
    fn a_bad_registry_names_the_line() {
        let cases = [
            (
                "[[agency]]\nid = \"a\"\nname = \"A\"\norigins = [\"https://a.vn/path\"]\nprocedures = [\"1.001193\"]\n",
                "4: ",
            ),
            (
                "[[agency]]\nid = \"a\"\nname = \"A\"\norigins = [\"*\"]\nprocedures = [\"1.001193\"]\n",
                "4: ",
            ),
            (
                "[[agency]]\nid = \"a\"\nname = \"A\"\norigins = [\"https://a.vn\"]\nprocedures = [\"9.999999\"]\n",
                "5: procedure 9.999999 is not in the catalog",
            ),
            (
                "[[agency]]\nid = \"a\"\nname = \"A\"\norigin = [\"https://a.vn\"]\n",
                "4: ",
            ),
            (
                "[[agency]]\nid = \"a\"\nname = \"A\"\norigins = \"https://a.vn\"\n",
                "4: ",
            ),
        ];
        for (text, start) in cases {
            let e = Agencies::parse(text, &catalog()).unwrap_err();
            assert!(e.starts_with(start), "{e:?} for\n{text}");
        }
        assert!(check_origin("http://localhost:8081").is_ok());
        assert!(check_origin("https://xa.gov.vn").is_ok());
        assert!(check_origin("https://xa.gov.vn/").is_err());
        assert!(check_origin("https://*.gov.vn").is_err());
        assert!(check_origin("ftp://xa.gov.vn").is_err());
    }
}
