//! The national procedure catalog, loaded once at start: every record of the crawl (built in, or
//! `--national-catalog FILE`) read, its documents classified by the checker, and the fields of the
//! catalog listed for the review. A record that cannot be read is logged and skipped, never fatal.

use std::collections::HashMap;
use std::io::Read as _;
use std::path::Path;

use motlan_core::ProcedureCode;
use motlan_core::api::{AuditField, ClassifiedDocument};
use motlan_core::checker::{NationalRecord, RuleSet, avoidable, classify_all};

/// The June 2026 crawl of the national portal (national-catalog/README.md).
const BUILT_IN: &[u8] = include_bytes!("../../../national-catalog/dvc-crawl-2026-06.jsonl.gz");

/// One national procedure with its classified documents.
#[derive(Debug, Clone)]
pub struct NationalEntry {
    pub code: ProcedureCode,
    pub record: NationalRecord,
    pub documents: Vec<ClassifiedDocument>,
    /// Items that must not be requested (held or abolished).
    pub avoidable: usize,
}

#[derive(Debug, Default)]
pub struct NationalCatalog {
    entries: Vec<NationalEntry>,
    by_code: HashMap<String, usize>,
    fields: Vec<AuditField>,
    /// `(line, problem)` of every record that could not be read.
    pub problems: Vec<(usize, String)>,
}

impl NationalCatalog {
    /// The built-in crawl, read and classified once per process (test servers share it).
    pub fn built_in() -> std::sync::Arc<Self> {
        static BUILT: std::sync::OnceLock<std::sync::Arc<NationalCatalog>> =
            std::sync::OnceLock::new();
        BUILT
            .get_or_init(|| {
                std::sync::Arc::new(Self::load(None).expect("the built-in crawl is valid gzip"))
            })
            .clone()
    }

    /// The built-in crawl, or `path`.
    pub fn load(path: Option<&Path>) -> anyhow::Result<Self> {
        let bytes = match path {
            Some(path) => std::fs::read(path).map_err(|e| {
                anyhow::anyhow!("cannot read the national catalog {}: {e}", path.display())
            })?,
            None => BUILT_IN.to_vec(),
        };
        let gzipped = bytes.starts_with(&[0x1f, 0x8b]);
        let text = if gzipped {
            let mut text = String::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut text)
                .map_err(|e| anyhow::anyhow!("the national catalog is not valid gzip text: {e}"))?;
            text
        } else {
            String::from_utf8(bytes)
                .map_err(|_| anyhow::anyhow!("the national catalog is not UTF-8 text"))?
        };
        Ok(Self::from_text(&text, &RuleSet::builtin()))
    }

    pub fn from_text(text: &str, rules: &RuleSet) -> Self {
        let (records, mut problems) = NationalRecord::parse_all(text);
        let mut catalog = Self::default();
        for record in records {
            let Ok(code) = ProcedureCode::parse(&record.code) else {
                problems.push((0, format!("{}: not a procedure code", record.code)));
                continue;
            };
            if catalog.by_code.contains_key(code.as_str()) {
                problems.push((0, format!("{code}: listed twice, the first kept")));
                continue;
            }
            let documents = classify_all(rules, &record.name, &record.documents);
            catalog
                .by_code
                .insert(code.to_string(), catalog.entries.len());
            catalog.entries.push(NationalEntry {
                avoidable: avoidable(&documents),
                code,
                record,
                documents,
            });
        }
        let mut fields: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
        for e in &catalog.entries {
            if let Some(field) = &e.record.field {
                *fields.entry((&e.record.ministry, field)).or_default() += 1;
            }
        }
        catalog.fields = fields
            .into_iter()
            .map(|((ministry, field), procedures)| AuditField {
                ministry: ministry.to_owned(),
                field: field.to_owned(),
                procedures,
            })
            .collect();
        catalog.problems = problems;
        catalog
    }

    pub fn entries(&self) -> &[NationalEntry] {
        &self.entries
    }

    pub fn get(&self, code: &str) -> Option<&NationalEntry> {
        self.by_code.get(code).map(|i| &self.entries[*i])
    }

    /// Every field of the catalog with its ministry and number of procedures.
    pub fn fields(&self) -> &[AuditField] {
        &self.fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_crawl_loads_every_record_and_reports_none_broken() {
        let catalog = NationalCatalog::load(None).unwrap();
        assert_eq!(catalog.entries().len(), 2642);
        assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
        let birth = catalog.get("1.001193").unwrap();
        assert!(birth.avoidable > 0);
        let ministries = motlan_core::checker::by_ministry(
            catalog
                .entries()
                .iter()
                .map(|e| (e.record.ministry.as_str(), &e.documents[..])),
        );
        assert_eq!(ministries.len(), 7);
    }

    #[test]
    fn broken_and_repeated_records_are_reported_not_fatal() {
        let text = "{\"ma_thu_tuc\": \"1.000001\", \"ten_thu_tuc\": \"A\"}\n{oops\n{\"ma_thu_tuc\": \"1.000001\"}\n{\"ma_thu_tuc\": \"12\"}\n";
        let catalog = NationalCatalog::from_text(text, &RuleSet::builtin());
        assert_eq!(catalog.entries().len(), 1);
        assert_eq!(catalog.problems.len(), 3, "{:?}", catalog.problems);
    }
}
