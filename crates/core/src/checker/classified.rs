//! A procedure's documents as the checker classified them, and the figures per ministry that
//! the agency report and the agency page show: procedures still asking for papers the State
//! holds (or that were abolished), and how many such requests could go.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Class, RuleSet};
use crate::kinds::DataSource;

/// One item of a document list with the checker's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassifiedDocument {
    pub text: String,
    pub class: Class,
    /// For `reusable`: the national system that holds it.
    pub source: Option<DataSource>,
    /// The rule that decided, by its stable id.
    pub rule: Option<String>,
    /// The legal text, or the rule's reason.
    pub basis: Option<String>,
}

/// Classifies a procedure's items, knowing the procedure's name.
pub fn classify_all(rules: &RuleSet, procedure: &str, items: &[String]) -> Vec<ClassifiedDocument> {
    items
        .iter()
        .map(|text| {
            let v = rules.classify_in(text, procedure);
            ClassifiedDocument {
                text: text.clone(),
                class: v.class,
                source: v.source(),
                rule: v.rule_id().map(str::to_owned),
                basis: v.basis().map(str::to_owned),
            }
        })
        .collect()
}

/// How many of a procedure's items must not be requested (held or abolished).
pub fn avoidable(documents: &[ClassifiedDocument]) -> usize {
    documents
        .iter()
        .filter(|d| d.class.not_to_request())
        .count()
}

/// The figures of one ministry or sector.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MinistryFigures {
    /// The crawl's slug (`bo-cong-an`).
    pub ministry: String,
    pub procedures: usize,
    pub documents: usize,
    /// Procedures still listing at least one paper the State holds or that was abolished.
    pub asking_for_held: usize,
    /// Items that could go: held by a national system or abolished.
    pub avoidable: usize,
    /// Items per class.
    pub by_class: BTreeMap<Class, usize>,
}

/// Adds up `(ministry, documents)` pairs, one per procedure, ministries in name order.
pub fn by_ministry<'a>(
    procedures: impl IntoIterator<Item = (&'a str, &'a [ClassifiedDocument])>,
) -> Vec<MinistryFigures> {
    let mut out: BTreeMap<&str, MinistryFigures> = BTreeMap::new();
    for (ministry, documents) in procedures {
        let f = out.entry(ministry).or_insert_with(|| MinistryFigures {
            ministry: ministry.to_owned(),
            ..MinistryFigures::default()
        });
        f.procedures += 1;
        f.documents += documents.len();
        let held = avoidable(documents);
        f.avoidable += held;
        f.asking_for_held += usize::from(held > 0);
        for d in documents {
            *f.by_class.entry(d.class).or_default() += 1;
        }
    }
    out.into_values().collect()
}

/// The ministries and sectors of the national crawl, by slug: Vietnamese and English names.
pub fn ministry_name(slug: &str) -> (&str, &str) {
    match slug {
        "bo-tai-chinh" => ("Bộ Tài chính", "Ministry of Finance"),
        "bo-nong-nghiep-mt" => (
            "Bộ Nông nghiệp và Môi trường",
            "Ministry of Agriculture and Environment",
        ),
        "bo-xay-dung" => ("Bộ Xây dựng", "Ministry of Construction"),
        "bo-cong-an" => ("Bộ Công an", "Ministry of Public Security"),
        "bo-tu-phap" => ("Bộ Tư pháp", "Ministry of Justice"),
        "ngan-hang-nha-nuoc" => ("Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam"),
        "toa-an-nhan-dan" => ("Tòa án nhân dân tối cao", "Supreme People's Court"),
        other => (other, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_count_procedures_asking_for_held_papers() {
        let rules = RuleSet::builtin();
        let a = classify_all(
            &rules,
            "Đăng ký thường trú",
            &["Bản sao Sổ hộ khẩu".into(), "Tờ khai".into()],
        );
        let b = classify_all(&rules, "X", &["Tờ khai".into()]);
        let f = by_ministry([("bo-cong-an", &a[..]), ("bo-cong-an", &b[..])]);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].procedures, f[0].documents), (2, 3));
        assert_eq!((f[0].asking_for_held, f[0].avoidable), (1, 1));
        assert_eq!(f[0].by_class[&Class::Upload], 2);
        assert_eq!(ministry_name("bo-cong-an").0, "Bộ Công an");
    }
}
