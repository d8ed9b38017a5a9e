//! The document-reuse checker: which papers of a national procedure record the State already
//! holds (and so must not be requested), which no longer exist, which the citizen provides, and
//! which a person should read. The agency-side audit (`crates/audit`), the server's national
//! catalog and the benchmarks all classify with these rules, once.

pub mod classified;
pub mod evaluation;
pub mod national;
pub mod rules;
pub mod split;
mod ways;

#[cfg(test)]
mod rules_tests;

use serde::{Deserialize, Serialize};

pub use classified::{
    ClassifiedDocument, MinistryFigures, by_ministry, classify_all, ministry_name,
};
pub use national::{NationalRecord, Way};
pub use rules::{Phase, Rule, RuleSet};

/// What the checker says about one item of a document list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Class {
    /// A Vietnamese authority issued it into a named national system; asking for it breaks the
    /// once-only rule.
    Reusable,
    /// The paper no longer exists (household books since 1/1/2023).
    Abolished,
    /// The citizen must still provide it.
    Upload,
    /// No rule decided, or the item mixes papers; a person should read it.
    Unclear,
    /// A note, instruction or lead-in that runs together with the documents on the portal.
    NotADocument,
}

impl Class {
    pub const ALL: [Class; 5] = [
        Class::Reusable,
        Class::Abolished,
        Class::Upload,
        Class::Unclear,
        Class::NotADocument,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Class::Reusable => "reusable",
            Class::Abolished => "abolished",
            Class::Upload => "upload",
            Class::Unclear => "unclear",
            Class::NotADocument => "not_a_document",
        }
    }

    pub fn parse(text: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Papers the State holds or that no longer exist: never to be requested.
    pub fn not_to_request(self) -> bool {
        matches!(self, Class::Reusable | Class::Abolished)
    }
}

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
