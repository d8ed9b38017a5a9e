//! The document-reuse checker: which papers of a national procedure record the State already
//! holds (and so must not be requested), which no longer exist, which the citizen provides, and
//! which a person should read. The agency-side audit (`crates/audit`), the server's national
//! catalog and the benchmarks all classify with these rules, once.

pub mod classified;
pub mod evaluation;
mod information;
pub mod national;
pub mod record_check;
pub mod rules;
pub mod split;
mod ways;

#[cfg(test)]
mod rules_tests;

pub use crate::api::{Class, ClassifiedDocument, MinistryFigures, ministry_name};
pub use classified::{avoidable, by_ministry, classify_all};
pub use information::information;
pub use national::{NationalRecord, Way};
pub use rules::{Phase, Rule, RuleSet};

/// How one item was classified, and by which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict<'a> {
    pub class: Class,
    pub rule: Option<&'a Rule>,
}

impl Verdict<'_> {
    pub fn source(&self) -> Option<crate::kinds::DataSource> {
        self.rule.and_then(|r| r.source)
    }

    pub fn basis(&self) -> Option<&str> {
        self.rule.and_then(|r| r.basis.as_deref())
    }

    pub fn rule_id(&self) -> Option<&str> {
        self.rule.map(|r| r.id.as_str())
    }
}
