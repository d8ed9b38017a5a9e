//! A procedure with a form here, compared with its national record: every listed document
//! mapped to one of the form's documents or explained, and every fact (level, processing time,
//! fees per channel, legal texts) equal or explained. The explanations live beside the catalog
//! (`crates/core/catalog/records/{code}.toml`); `crates/core/tests/record_check.rs` runs this over
//! every procedure and fails on anything unexplained or any explanation that no longer applies.

use serde::Deserialize;

use super::NationalRecord;
use super::rules::normalise;
use crate::api::{Channel, Class, ClassifiedDocument};
use crate::procedure::Procedure;

/// Items many records share (`catalog/records/common.toml`): tried after a procedure's own.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonMapping {
    #[serde(default)]
    pub document: Vec<DocumentMapping>,
}

/// `catalog/records/{code}.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordMapping {
    /// The national record's code.
    pub record: String,
    /// When the record was crawled (`2026-06`).
    pub crawl: String,
    #[serde(default)]
    pub document: Vec<DocumentMapping>,
    #[serde(default)]
    pub fact: Vec<FactDifference>,
}

/// One item of the record's document list, found by how it starts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentMapping {
    /// The start of the item's text, as the record writes it.
    pub item: String,
    /// The form's document that is this item.
    #[serde(default)]
    pub maps_to: Option<String>,
    /// Why the form asks nothing for it (required without `maps_to` or `note`).
    #[serde(default)]
    pub differs: Option<String>,
    /// The item is not a paper but a rule about papers (how copies may be given, where to file):
    /// what it says, in short.
    #[serde(default)]
    pub note: Option<String>,
    /// The legal text behind the difference.
    #[serde(default)]
    pub basis: Option<String>,
}

/// A fact of the form that differs from the record, and why.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDifference {
    /// `level`, `processing_days`, `fee_online`, `fee_in_person` or `legal_basis:{number}`.
    pub fact: String,
    pub differs: String,
    pub basis: String,
}

/// What the comparison found.
#[derive(Debug, Default)]
pub struct Comparison {
    /// `(item, what the form does with it)`, in the record's order, for review.
    pub mapping: Vec<(String, String)>,
    /// Everything unexplained or explained in vain.
    pub problems: Vec<String>,
}

/// `Miễn phí` → 0, `7,000 Việt Nam Đồng` → 7000, `8,000 VNĐ` → 8000; `None` when not a sum.
fn amount(fee: &str) -> Option<u64> {
    if fee.starts_with("Miễn phí") {
        return Some(0);
    }
    let digits: String = fee
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The facts of `procedure` that differ from `record`, by name, with what each side says.
fn differing_facts(procedure: &Procedure, record: &NationalRecord) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let level = procedure.level.national_name();
    if !record.levels.iter().any(|l| l == level) {
        out.push((
            "level".to_owned(),
            format!("form: {level}; record: {}", record.levels.join(", ")),
        ));
    }
    let way = |channel| record.ways.iter().find(|w| w.channel == channel);
    if let Some(days) = way(Channel::Online)
        .or_else(|| way(Channel::InPerson))
        .and_then(|w| w.time.as_deref())
        .and_then(|t| t.split(' ').next()?.parse::<u16>().ok())
        && days != procedure.processing_days
    {
        out.push((
            "processing_days".to_owned(),
            format!("form: {}; record: {days}", procedure.processing_days),
        ));
    }
    for (fact, channel, form) in [
        ("fee_online", Channel::Online, procedure.fees.online),
        ("fee_in_person", Channel::InPerson, procedure.fees.in_person),
    ] {
        if let Some(recorded) = way(channel).and_then(|w| w.fee.as_deref()).and_then(amount)
            && recorded != form
        {
            out.push((fact.to_owned(), format!("form: {form}; record: {recorded}")));
        }
    }
    let has = |number: &str| {
        let n = normalise(number);
        procedure
            .legal_basis
            .iter()
            .any(|b| normalise(&b.code) == n)
    };
    for text in &record.legal_basis {
        if !has(&text.number) {
            out.push((
                format!("legal_basis:{}", text.number),
                format!("record cites {} ({})", text.number, text.title),
            ));
        }
    }
    out
}

/// Compares `procedure` with its `record` (items classified as `documents`) under `mapping`,
/// then the `common` items.
pub fn compare(
    procedure: &Procedure,
    record: &NationalRecord,
    documents: &[ClassifiedDocument],
    mapping: &RecordMapping,
    common: &CommonMapping,
) -> Comparison {
    let mut c = Comparison::default();
    let code = procedure.code.as_str();
    if mapping.record != record.code {
        c.problems.push(format!(
            "{code}: the mapping names record {}",
            mapping.record
        ));
    }
    let starts = |item: &str, prefix: &str| {
        let (item, prefix) = (normalise(item), normalise(prefix));
        !prefix.trim().is_empty() && item.starts_with(&prefix)
    };
    let mut used = vec![false; mapping.document.len()];
    for d in documents {
        let found: Vec<usize> = (0..mapping.document.len())
            .filter(|i| starts(&d.text, &mapping.document[*i].item))
            .collect();
        let m = match found.first() {
            Some(&i) => {
                used[i] = true;
                &mapping.document[i]
            }
            None => match common.document.iter().find(|m| starts(&d.text, &m.item)) {
                Some(m) => m,
                None => {
                    if d.class != Class::NotADocument {
                        c.problems.push(format!(
                            "{code}: the record's item is neither mapped nor explained: {:.160}",
                            d.text
                        ));
                    }
                    continue;
                }
            },
        };
        let what = match (&m.maps_to, &m.differs, &m.basis, &m.note) {
            (None, None, _, Some(note)) => format!("a rule, not a paper: {note}"),
            (Some(id), None, _, None) => {
                if !procedure.documents.iter().any(|doc| &doc.id == id) {
                    c.problems
                        .push(format!("{code}: {id} is not a document of the form"));
                }
                format!("→ {id}")
            }
            (None, Some(why), Some(basis), None) => format!("not asked: {why} ({basis})"),
            _ => {
                c.problems.push(format!(
                    "{code}: item {:?}: give maps_to, note, or differs with its basis",
                    m.item
                ));
                String::new()
            }
        };
        c.mapping.push((d.text.clone(), what));
    }
    for (i, m) in mapping.document.iter().enumerate() {
        if !used[i] {
            c.problems.push(format!(
                "{code}: no item of the record starts with {:?}",
                m.item
            ));
        }
    }
    let differing = differing_facts(procedure, record);
    for (fact, sides) in &differing {
        match mapping.fact.iter().find(|f| &f.fact == fact) {
            Some(f) => c.mapping.push((
                format!("fact {fact}"),
                format!("{sides}: {} ({})", f.differs, f.basis),
            )),
            None => c.problems.push(format!(
                "{code}: {fact} differs from the record ({sides}), unexplained"
            )),
        }
    }
    for f in &mapping.fact {
        if !differing.iter().any(|(fact, _)| fact == &f.fact) {
            c.problems.push(format!(
                "{code}: {} is explained but no longer differs",
                f.fact
            ));
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn fees_are_read_as_sums() {
        assert_eq!(amount("Miễn phí"), Some(0));
        assert_eq!(amount("7,000 Việt Nam Đồng"), Some(7000));
        assert_eq!(amount("8,000 VNĐ"), Some(8000));
        assert_eq!(amount("Lệ phí theo quy định"), None);
    }
}
