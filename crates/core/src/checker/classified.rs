//! A procedure's documents as the checker classified them, and the figures per ministry that
//! the agency report and the agency page show: procedures still asking for papers the State
//! holds (or that were abolished), and how many such requests could go.

use std::collections::BTreeMap;

use super::RuleSet;
use crate::api::{Class, ClassifiedDocument, MinistryFigures};

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
            let at = Class::ALL.iter().position(|c| *c == d.class).unwrap_or(0);
            f.by_class[at] += 1;
        }
    }
    out.into_values().collect()
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
        assert_eq!(f[0].by_class[2], 2, "upload is third in Class::ALL");
        assert_eq!(crate::api::ministry_name("bo-cong-an").vi, "Bộ Công an");
    }
}
