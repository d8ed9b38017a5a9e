//! The audit result and its three renderings: Markdown for people, CSV for spreadsheets, JSON
//! for other tools.

use std::collections::BTreeMap;

use serde::Serialize;

use motlan_core::checker::{
    Class, ClassifiedDocument, MinistryFigures, RuleSet, by_ministry, classify_all, ministry_name,
};

use crate::records::{Problem, Record};

/// A document as audited: the checker's verdict.
pub type AuditedDocument = ClassifiedDocument;

#[derive(Debug, Clone, Serialize)]
pub struct AuditedProcedure {
    pub code: String,
    pub name: String,
    pub ministry: Option<String>,
    pub origin: String,
    pub documents: Vec<AuditedDocument>,
}

impl AuditedProcedure {
    fn count(&self, class: Class) -> usize {
        self.documents.iter().filter(|d| d.class == class).count()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub procedures: usize,
    pub documents: usize,
    /// Items per class (every class present, zero included).
    pub by_class: BTreeMap<&'static str, usize>,
    /// Reusable items per data source.
    pub by_source: BTreeMap<String, usize>,
    /// Every rule that decided at least one item: how many items, and its legal basis.
    pub by_rule: BTreeMap<String, RuleUse>,
    /// Per ministry (records that name one): procedures still asking for held papers.
    pub by_ministry: Vec<MinistryFigures>,
    /// Codes of procedures that still ask for abolished papers.
    pub asking_for_abolished: Vec<String>,
    /// Codes of procedures that still list papers national systems hold.
    pub asking_for_reusable: Vec<String>,
    /// Codes of procedures whose document list yielded no item.
    pub without_documents: Vec<String>,
    /// Records that could not be read.
    pub unreadable: Vec<Problem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleUse {
    pub class: Class,
    pub items: usize,
    pub basis: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub procedures: Vec<AuditedProcedure>,
    pub summary: Summary,
}

fn source_key(source: motlan_core::kinds::DataSource) -> String {
    serde_json::to_value(source)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub fn audit(records: Vec<Record>, problems: Vec<Problem>, rules: &RuleSet) -> Audit {
    let procedures: Vec<AuditedProcedure> = records
        .into_iter()
        .map(|r| AuditedProcedure {
            documents: classify_all(rules, &r.name, &r.items),
            code: r.code,
            name: r.name,
            ministry: r.ministry,
            origin: r.origin,
        })
        .collect();
    let mut by_class: BTreeMap<&'static str, usize> =
        Class::ALL.iter().map(|c| (c.as_str(), 0)).collect();
    let mut by_source = BTreeMap::new();
    let mut by_rule: BTreeMap<String, RuleUse> = BTreeMap::new();
    for d in procedures.iter().flat_map(|p| &p.documents) {
        *by_class.entry(d.class.as_str()).or_default() += 1;
        if let Some(source) = d.source {
            *by_source.entry(source_key(source)).or_default() += 1;
        }
        if let Some(rule) = &d.rule {
            by_rule
                .entry(rule.clone())
                .or_insert_with(|| RuleUse {
                    class: d.class,
                    items: 0,
                    basis: d.basis.clone(),
                })
                .items += 1;
        }
    }
    let codes = |keep: &dyn Fn(&AuditedProcedure) -> bool| {
        procedures
            .iter()
            .filter(|p| keep(p))
            .map(|p| p.code.clone())
            .collect()
    };
    let by_ministry = by_ministry(
        procedures
            .iter()
            .filter_map(|p| Some((p.ministry.as_deref()?, &p.documents[..]))),
    );
    let summary = Summary {
        procedures: procedures.len(),
        documents: procedures.iter().map(|p| p.documents.len()).sum(),
        by_class,
        by_source,
        by_rule,
        by_ministry,
        asking_for_abolished: codes(&|p| p.count(Class::Abolished) > 0),
        asking_for_reusable: codes(&|p| p.count(Class::Reusable) > 0),
        without_documents: codes(&|p| p.documents.is_empty()),
        unreadable: problems,
    };
    Audit {
        procedures,
        summary,
    }
}

impl Audit {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an audit always serialises")
    }

    pub fn to_csv(&self) -> String {
        let mut out = csv::Writer::from_writer(Vec::new());
        let mut write = |row: [&str; 7]| out.write_record(row).expect("writing to memory");
        write([
            "code", "name", "document", "class", "source", "rule", "basis",
        ]);
        for p in &self.procedures {
            for d in &p.documents {
                let source = d.source.map(source_key);
                write([
                    &p.code,
                    &p.name,
                    &d.text,
                    d.class.as_str(),
                    source.as_deref().unwrap_or(""),
                    d.rule.as_deref().unwrap_or(""),
                    d.basis.as_deref().unwrap_or(""),
                ]);
            }
        }
        String::from_utf8(out.into_inner().expect("in memory")).expect("UTF-8 in, UTF-8 out")
    }

    pub fn to_markdown(&self) -> String {
        let s = &self.summary;
        let mut md =
            String::from("# Báo cáo rà soát giấy tờ có thể tái sử dụng / Document-reuse audit\n\n");
        md += &format!(
            "{} thủ tục, {} thành phần hồ sơ / {} procedures, {} document items.\n\n",
            s.procedures, s.documents, s.procedures, s.documents
        );
        md += "| Phân loại / Class | Số lượng / Items |\n|---|---:|\n";
        for (class, n) in &s.by_class {
            md += &format!("| {class} | {n} |\n");
        }
        md += &format!(
            "\n- Còn yêu cầu giấy tờ đã bãi bỏ / Still asking for abolished papers: {}\n- Còn yêu cầu giấy tờ đã có trong CSDL / Still asking for papers national data holds: {}\n",
            list(&s.asking_for_abolished),
            list(&s.asking_for_reusable)
        );
        if !s.by_ministry.is_empty() {
            md += "\n## Theo bộ, ngành / By ministry\n\n| Bộ, ngành / Ministry | Thủ tục / Procedures | Còn yêu cầu giấy tờ Nhà nước đã có / Still asking for held papers | Giấy tờ có thể bỏ / Avoidable papers |\n|---|---:|---:|---:|\n";
            for f in &s.by_ministry {
                md += &format!(
                    "| {} | {} | {} | {} |\n",
                    ministry_name(&f.ministry).vi,
                    f.procedures,
                    f.asking_for_held,
                    f.avoidable
                );
            }
            md += "\n";
            for f in s.by_ministry.iter().filter(|f| f.asking_for_held > 0) {
                let codes: Vec<String> = self
                    .procedures
                    .iter()
                    .filter(|p| p.ministry.as_deref() == Some(f.ministry.as_str()))
                    .filter(|p| p.documents.iter().any(|d| d.class.not_to_request()))
                    .map(|p| p.code.clone())
                    .collect();
                md += &format!(
                    "- {} — còn yêu cầu giấy tờ Nhà nước đã có / still asking for held papers: {}\n",
                    ministry_name(&f.ministry).vi,
                    list(&codes)
                );
            }
        }
        md += "\n## Quy tắc / Rules\n\n| Quy tắc / Rule | Phân loại / Class | Số mục / Items | Căn cứ / Basis |\n|---|---|---:|---|\n";
        for (id, r) in &s.by_rule {
            md += &format!(
                "| {id} | {} | {} | {} |\n",
                r.class.as_str(),
                r.items,
                escape(r.basis.as_deref().unwrap_or("-"))
            );
        }
        if !s.without_documents.is_empty() {
            md += &format!(
                "- Không tách được thành phần hồ sơ / No document items found: {}\n",
                list(&s.without_documents)
            );
        }
        if !s.unreadable.is_empty() {
            md += "\n## Bản ghi không đọc được / Unreadable records\n\n";
            for p in &s.unreadable {
                md += &format!("- `{}`: {}\n", p.origin, escape(&p.problem));
            }
        }
        for p in &self.procedures {
            md += &format!("\n## {} {}\n\n", p.code, escape(&p.name));
            if p.documents.is_empty() {
                md += "_Không tách được thành phần hồ sơ / No document items found._\n";
                continue;
            }
            md += "| Giấy tờ / Document | Phân loại / Class | Nguồn / Source | Quy tắc / Rule |\n|---|---|---|---|\n";
            for d in &p.documents {
                let source = d.source.map(|s| format!("{s:?}")).unwrap_or_default();
                md += &format!(
                    "| {} | {} | {} | {} |\n",
                    escape(&d.text),
                    d.class.as_str(),
                    source,
                    d.rule.as_deref().unwrap_or("-")
                );
            }
        }
        md
    }
}

fn list(codes: &[String]) -> String {
    if codes.is_empty() {
        "không có / none".to_owned()
    } else {
        format!("{} ({})", codes.len(), codes.join(", "))
    }
}

/// Keeps a table cell on one line and its pipes literal.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}
